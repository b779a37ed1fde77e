namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// The catalog port over Nessie's REST API v2 (design §3): self-managed Nessie, the Nessie behind a Dremio Software
/// source, and Arctic catalogs. Only views count: listings ask Nessie for <c>ICEBERG_VIEW</c> entries, diffs keep the
/// keys where a view is involved, and tables, namespaces and UDFs are never read. Reads name commits (detached
/// <c>@hash</c>), so what one sync reads cannot move under it; every write carries the hash it expects.
/// </summary>
/// <remarks>
/// A server that is not Nessie answers the first call with a 404 of its own. The adapter then checks what is there:
/// no Nessie configuration means no branches, and an Iceberg REST configuration means a catalog such as Open Catalog
/// (Apache Polaris), which is said in one message instead of "not found".
/// </remarks>
internal sealed partial class NessieCatalog : ICatalog
{
    private const string BranchFilter = "refType == 'BRANCH'";

    private readonly NessieClient _client;
    private volatile bool _isNessie;

    /// <param name="client">The Nessie client; not disposed.</param>
    /// <param name="description">For messages; null: the endpoint's, e.g. "Nessie at localhost:19120".</param>
    public NessieCatalog(NessieClient client, string? description = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Description = description ?? client.Endpoint.Description;
    }

    public string Description { get; }

    public NessieClient Client => _client;

    public async Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) =>
        (await GuardAsync(() => _client.GetConfigAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
        .DefaultBranch;

    public async Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default)
    {
        // Checked against Nessie's rules before any call.
        NessieRefSpec.RequireName(name, "branch");
        try
        {
            var reference = await GuardAsync(() => _client.GetReferenceAsync(name, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return reference is { Type: NessieReferenceType.Branch, Name: { } found, Hash: { } hash }
                ? new CatalogBranch(found, hash)
                : null;
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        await GuardAsync(
            async () =>
            {
                var branches = new List<CatalogBranch>();
                await foreach (var reference in _client.ListReferencesAsync(BranchFilter, cancellationToken: cancellationToken)
                    .ConfigureAwait(false))
                {
                    if (reference is { Type: NessieReferenceType.Branch, Name: { } name, Hash: { } hash })
                    {
                        branches.Add(new CatalogBranch(name, hash));
                    }
                }

                return (IReadOnlyList<CatalogBranch>)[.. branches.OrderBy(b => b.Name, StringComparer.Ordinal)];
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs a call; when it finds nothing before the server was ever seen to be Nessie, checks that it is (its
    /// configuration answers) and otherwise says what kind of catalog is there.
    /// </summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call().ConfigureAwait(false);
            _isNessie = true;
            return result;
        }
        catch (CatalogException exception) when (!_isNessie && exception.Kind == CatalogErrorKind.NotFound)
        {
            await RequireNessieAsync(exception, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RequireNessieAsync(CatalogException notFound, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetConfigAsync(cancellationToken).ConfigureAwait(false);
            _isNessie = true;
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            var icebergRest = await _client.FindIcebergRestConfigAsync(cancellationToken).ConfigureAwait(false);
            throw new LakehouseException(BranchlessCatalog.Message(_client.Endpoint, icebergRest), isFatal: true, notFound);
        }
    }
}
