namespace LakehouseManager.Fakes.Dremio;

/// <summary>What a lookup of a path in a versioned source found.</summary>
public enum DremioFakeViewState
{
    Found,
    NotFound,
    NotAView,

    /// <summary>The view exists but its SQL cannot be read (its metadata file is gone).</summary>
    Unreadable,

    /// <summary>The version (branch, tag, commit) does not exist.</summary>
    BadVersion,
}

/// <summary>A view of a versioned source at a version, as the Dremio fake serves it.</summary>
public sealed record DremioFakeCatalogView(
    IReadOnlyList<string> Path,
    DremioFakeViewState State,
    string? Sql,
    string? ErrorMessage,
    string? ContentId,
    string VersionType,
    string VersionValue);

/// <summary>
/// A versioned catalog behind a Dremio source (a Nessie source, an Arctic catalog): the Dremio fake asks it for views
/// at a version to answer the catalog API, SHOW CREATE VIEW and INFORMATION_SCHEMA."VIEWS".
/// </summary>
public interface IDremioFakeCatalog
{
    /// <summary>The view at <paramref name="path"/> (without the source) at a version (null: the default branch).</summary>
    DremioFakeCatalogView Lookup(IReadOnlyList<string> path, string? versionType, string? versionValue);

    /// <summary>Every readable view of the default branch's head (what INFORMATION_SCHEMA lists for a versioned source).</summary>
    IEnumerable<DremioFakeCatalogView> DefaultBranchViews();

    /// <summary>The Nessie server the source's configuration names (<c>config.nessieEndpoint</c>), if any.</summary>
    Uri? NessieEndpoint { get; }
}
