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
                var ordered = keys.Distinct().OrderBy(StorageKey.Encode, StorageKey.Order).ToList();
                var values = await store.GetSqlIdsAsync(ordered.Select(StorageKey.Encode), [commit.Id], cancellationToken)
                    .ConfigureAwait(false);
                var views = new List<CatalogView>();
                foreach (var key in ordered)
                {
                    if (values[StorageKey.Encode(key)][0] is { } id)
                    {
                        views.Add(new CatalogView(key, await store.GetSqlTextAsync(id, cancellationToken).ConfigureAwait(false)));
                    }
                }

                return (IReadOnlyList<CatalogView>)views;
            },
            cancellationToken);
    }

    /// <summary>
    /// The keys that differ, found in O(changes): only keys touched on either side since the two commits' first-parent
    /// lines part can differ, and they are compared in batches.
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
                var ordered = candidates.Where(k => after is null || StorageKey.Order.Compare(k, after) > 0).Order(StorageKey.Order);
                foreach (var chunk in ordered.Chunk(size + 1))
                {
                    var values = await store.GetSqlIdsAsync(chunk, [from.Id, to.Id], cancellationToken).ConfigureAwait(false);
                    foreach (var key in chunk)
                    {
                        var (before, now) = (values[key][0], values[key][1]);
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

                    if (next is not null)
                    {
                        break;
                    }
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

    /// <summary>
    /// Every stored key whose value may differ between the two commits (a superset of the diff): a commit's views are
    /// those of its first-parent fork point with the other line's changes since it, so only keys touched on either
    /// first-parent line below the fork can differ. A merge commit counts every key it took from the merged side.
    /// </summary>
    internal static async Task<HashSet<string>> CandidateKeysAsync(
        CatalogStore store, long from, long to, CancellationToken cancellationToken)
    {
        var fork = CommitAncestry.ForkDepth(
            await store.GetAncestryAsync(from, cancellationToken).ConfigureAwait(false),
            await store.GetAncestryAsync(to, cancellationToken).ConfigureAwait(false));
        var keys = await store.GetKeysTouchedSinceAsync(from, fork, cancellationToken).ConfigureAwait(false);
        keys.UnionWith(await store.GetKeysTouchedSinceAsync(to, fork, cancellationToken).ConfigureAwait(false));
        return keys;
    }

    private static int RequirePageSize(int pageSize) =>
        pageSize >= 1
            ? Math.Min(pageSize, MaxPageSize)
            : throw new CatalogException(
                CatalogErrorKind.BadRequest, $"Invalid page size {pageSize}: ask for at least 1 entry per page.");
}
