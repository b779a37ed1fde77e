using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>
/// Counts what goes through the catalog port: listing and diff calls, and the views and changes they return. The
/// pipeline reports it after a sync, which shows that an incremental sync reads the changes, not the catalog.
/// </summary>
internal sealed class CountingCatalog(ICatalog inner) : ICatalog
{
    public int Calls => ListViewsCalls + DiffCalls + GetViewsCalls;

    public int ListViewsCalls { get; private set; }

    public int GetViewsCalls { get; private set; }

    public int DiffCalls { get; private set; }

    public int ViewsRead { get; private set; }

    public int ChangesRead { get; private set; }

    public string Description => inner.Description;

    /// <summary>The counts so far.</summary>
    public Pipeline.Sync.CatalogReads Snapshot => new(Calls, ViewsRead, ChangesRead);

    /// <summary>
    /// E.g. "2 call(s): 0 listing page(s), 1 diff page(s) (3 change(s)), 1 view read(s) (2 view(s) in all)".
    /// </summary>
    public override string ToString() =>
        $"{Calls} call(s): {ListViewsCalls} listing page(s), {DiffCalls} diff page(s) ({ChangesRead} change(s)), " +
        $"{GetViewsCalls} view read(s) ({ViewsRead} view(s) in all)";

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) =>
        inner.GetDefaultBranchAsync(cancellationToken);

    public Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default) =>
        inner.FindBranchAsync(name, cancellationToken);

    public Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        inner.ListBranchesAsync(cancellationToken);

    public async Task<CatalogPage<CatalogEntry>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ListViewsCalls++;
        var page = await inner.ListViewsAsync(hash, pageToken, pageSize, cancellationToken).ConfigureAwait(false);
        ViewsRead += page.Items.Count;
        return page;
    }

    public async Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        DiffCalls++;
        var page = await inner.DiffAsync(fromHash, toHash, pageToken, pageSize, cancellationToken).ConfigureAwait(false);
        ChangesRead += page.Items.Count;
        return page;
    }

    public async Task<IReadOnlyList<CatalogEntry>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default)
    {
        GetViewsCalls++;
        var views = await inner.GetViewsAsync(hash, keys, cancellationToken).ConfigureAwait(false);
        ViewsRead += views.Count;
        return views;
    }

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default) =>
        inner.CreateBranchAsync(name, fromHash, cancellationToken);

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) =>
        inner.DeleteBranchAsync(name, expectedHash, cancellationToken);

    public Task<CatalogMergeResult> MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken = default) =>
        inner.MergeAsync(request, cancellationToken);
}
