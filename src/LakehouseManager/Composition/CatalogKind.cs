namespace LakehouseManager.Composition;

/// <summary>The <c>--catalog</c> parameter: which versioned catalog the pipeline works on.</summary>
public enum CatalogKind
{
    /// <summary>The embedded local catalog (SQLite): the default, no cloud account needed.</summary>
    Local,

    /// <summary>Self-managed Project Nessie over REST API v2.</summary>
    Nessie,

    /// <summary>Dremio Software with a Nessie source.</summary>
    Dremio,

    /// <summary>An Arctic catalog on Dremio Cloud ("Dremio Cloud Classic").</summary>
    DremioCloud,
}
