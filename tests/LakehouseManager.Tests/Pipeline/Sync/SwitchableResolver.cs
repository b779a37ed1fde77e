using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Naming;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// The embedded catalog's resolver, except that the views named in <see cref="Failing"/> cannot be read: the way a view
/// whose Iceberg metadata file is missing, or whose Dremio call fails, comes back from a real resolver.
/// </summary>
internal sealed class SwitchableResolver : IViewSqlResolver
{
    private readonly ContentSqlTextResolver _inner = new();

    public HashSet<ContentKey> Failing { get; } = [];

    public string Description => "the test's resolver";

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        var resolved = await _inner.ResolveAsync(hash, entries, cancellationToken);
        return [.. resolved.Select(v => Failing.Contains(v.Key) ? new ViewSql.Unresolved(v.Key, "its metadata file could not be read") : v)];
    }
}
