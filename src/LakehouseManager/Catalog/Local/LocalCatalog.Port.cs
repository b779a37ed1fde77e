using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The catalog port over the embedded catalog's own calls: views come with their SQL as content (the embedded catalog
/// holds the definition itself), and merges map onto the port's closed set of outcomes.
/// </summary>
public sealed partial class LocalCatalog : ICatalog
{
    async Task<CatalogPage<CatalogEntry>> ICatalog.ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await ListViewsAsync(hash, pageToken, pageSize, cancellationToken).ConfigureAwait(false);
        return new CatalogPage<CatalogEntry>([.. page.Items.Select(Entry)], page.NextPageToken);
    }

    async Task<IReadOnlyList<CatalogEntry>> ICatalog.GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken)
    {
        var views = await GetViewsAsync(hash, keys, cancellationToken).ConfigureAwait(false);
        return [.. views.Select(Entry)];
    }

    async Task<CatalogMergeResult> ICatalog.MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await MergeAsync(
            request.FromBranch, request.FromHash, request.TargetBranch, request.ExpectedTargetHash, request.DryRun,
            request.Message, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { AlreadyMerged: true } => new CatalogMergeResult.NothingToMerge(result.ResultHash!),
            { Conflicts.Count: > 0 } => new CatalogMergeResult.Conflicts(result.Conflicts),
            { WasSuccessful: true } => new CatalogMergeResult.Merged(result.ResultHash!, result.WasApplied),
            _ => new CatalogMergeResult.Rejected("the local catalog did not merge, without naming a conflict"),
        };
    }

    /// <summary>Every view at a commit with its SQL (the embedded catalog holds it), page by page.</summary>
    public async IAsyncEnumerable<CatalogView> ListAllViewsAsync(
        string hash, int pageSize = CatalogExtensions.DefaultPageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await ListViewsAsync(hash, token, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var view in page.Items)
            {
                yield return view;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    private static CatalogEntry Entry(CatalogView view) => new(view.Key, null, ViewContent.WithSql(view.Sql));
}
