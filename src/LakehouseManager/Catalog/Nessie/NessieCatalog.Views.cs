using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>Views at a commit: listing, diff and bulk read, with only the views kept.</summary>
internal sealed partial class NessieCatalog
{
    /// <summary>The entries filter that keeps views only (Nessie evaluates it, so tables never travel).</summary>
    internal const string ViewFilter = "entry.contentType == 'ICEBERG_VIEW'";

    public async Task<CatalogPage<CatalogEntry>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        var at = NessieRefSpec.Detached(hash);
        var query = new NessieEntriesQuery { WithContent = true, Filter = ViewFilter, MaxRecords = pageSize };
        var page = await GuardAsync(() => _client.GetEntriesPageAsync(at, query, pageToken, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var entries = page.Items
            .Where(e => e.IsView)
            .Select(e => Entry(e.Key, e.ContentId, e.Content ?? new NessieContent(e.Type, e.ContentId)))
            .ToList();
        return new CatalogPage<CatalogEntry>(entries, page.NextPageToken);
    }

    public async Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        var from = NessieRefSpec.Detached(fromHash);
        var to = NessieRefSpec.Detached(toHash);
        var query = new NessieDiffQuery { MaxRecords = pageSize };
        var page = await GuardAsync(() => _client.GetDiffPageAsync(from, to, query, pageToken, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        // The diff lists every content type and has no content-type filter: tables, namespaces and UDFs are dropped here.
        var changes = page.Items.Select(Change).OfType<CatalogChange>().ToList();
        return new CatalogPage<CatalogChange>(changes, page.NextPageToken);
    }

    public async Task<IReadOnlyList<CatalogEntry>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var at = NessieRefSpec.Detached(hash);
        var contents = await GuardAsync(() => _client.GetContentsAsync(at, keys, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return
        [
            .. contents.Where(c => c.Value.IsView)
                .OrderBy(c => c.Key)
                .Select(c => Entry(c.Key, c.Value.Id, c.Value)),
        ];
    }

    /// <summary>
    /// A diff entry as the port's change, or null when no view is involved. A key whose type changed (a view dropped
    /// and a table created under its name) is the view's removal or addition.
    /// </summary>
    internal static CatalogChange? Change(NessieDiffEntry entry)
    {
        var fromView = entry.From is { IsView: true } ? entry.From : null;
        var toView = entry.To is { IsView: true } ? entry.To : null;
        return (fromView, toView) switch
        {
            (null, null) => null,
            (null, { } added) => new CatalogChange(entry.Key, ChangeKind.Added, ContentTypes.IcebergView, added.Id),
            ({ } removed, null) => new CatalogChange(entry.Key, ChangeKind.Removed, ContentTypes.IcebergView, removed.Id),
            (_, { } modified) => new CatalogChange(entry.Key, ChangeKind.Modified, ContentTypes.IcebergView, modified.Id),
        };
    }

    private static CatalogEntry Entry(ContentKey key, string? contentId, NessieContent content) =>
        new(key, contentId ?? content.Id, new ViewContent(content.MetadataLocation, content.SqlText, content.Dialect));
}
