using LakehouseManager.Catalog;
using LakehouseManager.Naming;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// The local catalog with content ids in its diffs, as Nessie has them: keys listed in <see cref="Ids"/> carry that id,
/// so a view dropped under one key and created under another with the same id reads as a rename.
/// </summary>
internal sealed class ContentIdCatalog(ICatalog inner) : ICatalog
{
    public Dictionary<ContentKey, string> Ids { get; } = [];

    public string Description => inner.Description;

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) => inner.GetDefaultBranchAsync(cancellationToken);

    public Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default) =>
        inner.FindBranchAsync(name, cancellationToken);

    public Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        inner.ListBranchesAsync(cancellationToken);

    public Task<CatalogPage<CatalogEntry>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        inner.ListViewsAsync(hash, pageToken, pageSize, cancellationToken);

    public async Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default)
    {
        var page = await inner.DiffAsync(fromHash, toHash, pageToken, pageSize, cancellationToken);
        return page with { Items = [.. page.Items.Select(c => c with { ContentId = Ids.GetValueOrDefault(c.Key) })] };
    }

    public Task<IReadOnlyList<CatalogEntry>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default) =>
        inner.GetViewsAsync(hash, keys, cancellationToken);

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default) =>
        inner.CreateBranchAsync(name, fromHash, cancellationToken);

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) =>
        inner.DeleteBranchAsync(name, expectedHash, cancellationToken);

    public Task<CatalogMergeResult> MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken = default) =>
        inner.MergeAsync(request, cancellationToken);
}
