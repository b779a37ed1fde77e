using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// The Nessie fake's catalog as the Dremio fake serves it (a Nessie source in Dremio): views looked up at a branch,
/// tag or commit, their SQL read from the metadata files, as Dremio reads it.
/// </summary>
internal sealed class NessieFakeDremioCatalog : IDremioFakeCatalog
{
    private readonly NessieFake _fake;

    public NessieFakeDremioCatalog(NessieFake fake)
    {
        _fake = fake;
    }

    public Uri? NessieEndpoint => _fake.ApiUri;

    public DremioFakeCatalogView Lookup(IReadOnlyList<string> path, string? versionType, string? versionValue)
    {
        var type = versionType?.ToUpperInvariant() ?? "BRANCH";
        var value = versionValue ?? _fake.Options.DefaultBranch;
        NessieFakeCommit commit;
        try
        {
            commit = type switch
            {
                "COMMIT" => _fake.Repository.FindCommit(value) ?? throw NessieFakeError.CommitNotFound(value),
                "BRANCH" or "TAG" or "REFERENCE" => _fake.Repository.Head(value),
                _ => throw NessieFakeError.BadRequest($"Unknown versionType {versionType}"),
            };
        }
        catch (NessieFakeError e)
        {
            return new DremioFakeCatalogView(path, DremioFakeViewState.BadVersion, null, e.Message, null, type, value);
        }

        if (ContentKey.Validate(path) is not null || !commit.Tree.TryGetValue(ContentKey.Of(path), out var content))
        {
            return new DremioFakeCatalogView(path, DremioFakeViewState.NotFound, null, null, null, type, value);
        }

        if (!content.IsView)
        {
            return new DremioFakeCatalogView(path, DremioFakeViewState.NotAView, null, null, content.Id, type, value);
        }

        var (sql, error) = NessieFakeViews.ReadSql(content);
        return sql is null
            ? new DremioFakeCatalogView(path, DremioFakeViewState.Unreadable, null, error, content.Id, type, value)
            : new DremioFakeCatalogView(path, DremioFakeViewState.Found, sql, null, content.Id, type, value);
    }

    public IEnumerable<DremioFakeCatalogView> DefaultBranchViews()
    {
        var branch = _fake.Options.DefaultBranch;
        foreach (var (key, content) in _fake.Repository.Head(branch).Tree)
        {
            if (content.IsView && NessieFakeViews.ReadSql(content) is ({ } sql, _))
            {
                yield return new DremioFakeCatalogView([.. key.Elements], DremioFakeViewState.Found, sql, null, content.Id, "BRANCH", branch);
            }
        }
    }
}
