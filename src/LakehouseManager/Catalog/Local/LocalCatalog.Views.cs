using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Reading views: keyset-paged listings, point lookups, O(changes) diffs and ancestry.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>Pages larger than this are cut to it; the page size is a hint, as in Nessie.</summary>
    public const int MaxPageSize = 10_000;

    public Task<CatalogPage<CatalogView>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = RequirePageSize(pageSize);
        return RunAsync(
            write: false,
            async store =>
            {
                var commit = await ResolveHashAsync(store, hash, cancellationToken).ConfigureAwait(false);
                var listing = "views " + commit.Hash;
                var after = PageToken.Read(pageToken, listing, $"the views at commit '{hash}'");
                var rows = await store.ListViewsAsync(commit.Id, after, size + 1, cancellationToken).ConfigureAwait(false);
                var items = rows.Take(size).Select(r => new CatalogView(StorageKey.Decode(r.Key), r.Sql)).ToList();
                var next = rows.Count > size ? PageToken.Create(listing, rows[size - 1].Key) : null;
                return new CatalogPage<CatalogView>(items, next);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CatalogView>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync(
            write: false,
            async store =>
            {
                var commit = await ResolveHashAsync(store, hash, cancellationToken).ConfigureAwait(false);
                var views = new List<CatalogView>();
                foreach (var key in keys.Distinct().OrderBy(StorageKey.Encode, StorageKey.Order))
                {
                    var sqlId = await store.GetSqlIdAsync(commit.Id, StorageKey.Encode(key), cancellationToken)
                        .ConfigureAwait(false);
                    if (sqlId is { } id)
                    {
                        views.Add(new CatalogView(key, await store.GetSqlTextAsync(id, cancellationToken).ConfigureAwait(false)));
                    }
                }

                return (IReadOnlyList<CatalogView>)views;
            },
            cancellationToken);
    }

    /// <summary>
    /// The keys that differ, found in O(changes): only keys touched between the merge base and either side can
    /// differ, and each of them is compared with two point lookups.
    /// </summary>
    public Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        var size = RequirePageSize(pageSize);
        return RunAsync(
            write: false,
            async store =>
            {
                var from = await ResolveHashAsync(store, fromHash, cancellationToken).ConfigureAwait(false);
                var to = await ResolveHashAsync(store, toHash, cancellationToken).ConfigureAwait(false);
                var listing = $"diff {from.Hash} {to.Hash}";
                var after = PageToken.Read(pageToken, listing, $"the diff from '{fromHash}' to '{toHash}'");
                var candidates = await CandidateKeysAsync(store, from.Id, to.Id, cancellationToken).ConfigureAwait(false);
                var items = new List<CatalogChange>();
                string? next = null;
                foreach (var key in candidates.Where(k => after is null || StorageKey.Order.Compare(k, after) > 0)
                    .Order(StorageKey.Order))
                {
                    var before = await store.GetSqlIdAsync(from.Id, key, cancellationToken).ConfigureAwait(false);
                    var now = await store.GetSqlIdAsync(to.Id, key, cancellationToken).ConfigureAwait(false);
                    if (before == now)
                    {
                        continue;
                    }

                    if (items.Count == size)
                    {
                        next = PageToken.Create(listing, StorageKey.Encode(items[^1].Key));
                        break;
                    }

                    var kind = before is null ? ChangeKind.Added : now is null ? ChangeKind.Removed : ChangeKind.Modified;
                    items.Add(new CatalogChange(StorageKey.Decode(key), kind));
                }

                return new CatalogPage<CatalogChange>(items, next);
            },
            cancellationToken);
    }

    public Task<bool> IsAncestorAsync(string ancestorHash, string descendantHash, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: false,
            async store =>
            {
                var ancestor = await ResolveHashAsync(store, ancestorHash, cancellationToken).ConfigureAwait(false);
                var descendant = await ResolveHashAsync(store, descendantHash, cancellationToken).ConfigureAwait(false);
                return await CommitGraph.IsAncestorAsync(store, ancestor.Id, descendant.Id, cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Every stored key whose value may differ between the two commits (a superset of the diff).</summary>
    internal static async Task<HashSet<string>> CandidateKeysAsync(
        CatalogStore store, long from, long to, CancellationToken cancellationToken)
    {
        var mergeBase = await CommitGraph.MergeBaseAsync(store, from, to, cancellationToken).ConfigureAwait(false);
        var keys = await CommitGraph.TouchedKeysAsync(store, from, mergeBase, cancellationToken).ConfigureAwait(false);
        keys.UnionWith(await CommitGraph.TouchedKeysAsync(store, to, mergeBase, cancellationToken).ConfigureAwait(false));
        return keys;
    }

    private static int RequirePageSize(int pageSize) =>
        pageSize >= 1
            ? Math.Min(pageSize, MaxPageSize)
            : throw new CatalogException(
                CatalogErrorKind.BadRequest, $"Invalid page size {pageSize}: ask for at least 1 entry per page.");
}
