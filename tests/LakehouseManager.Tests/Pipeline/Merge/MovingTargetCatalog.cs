using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;

namespace LakehouseManager.Tests.Pipeline.Merge;

/// <summary>
/// The local catalog, except that just before each of the first <paramref name="moves"/> real merges somebody else
/// commits to the target branch: the race between MergeCatalog's dry run and its merge, made deterministic.
/// </summary>
internal sealed class MovingTargetCatalog(LocalCatalog inner, int moves) : ICatalog
{
    public int MergeCalls { get; private set; }

    public string Description => inner.Description;

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) =>
        inner.GetDefaultBranchAsync(cancellationToken);

    public Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default) =>
        inner.FindBranchAsync(name, cancellationToken);

    public Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        inner.ListBranchesAsync(cancellationToken);

    public Task<CatalogPage<CatalogEntry>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        Port.ListViewsAsync(hash, pageToken, pageSize, cancellationToken);

    public Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        inner.DiffAsync(fromHash, toHash, pageToken, pageSize, cancellationToken);

    public Task<IReadOnlyList<CatalogEntry>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default) =>
        Port.GetViewsAsync(hash, keys, cancellationToken);

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default) =>
        inner.CreateBranchAsync(name, fromHash, cancellationToken);

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) =>
        inner.DeleteBranchAsync(name, expectedHash, cancellationToken);

    private ICatalog Port => inner;

    public async Task<CatalogMergeResult> MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.DryRun)
        {
            MergeCalls++;
            if (MergeCalls <= moves)
            {
                var head = await inner.GetBranchAsync(request.TargetBranch, cancellationToken);
                var key = ContentKey.Of("shop", "concurrent", $"view_{MergeCalls}");
                await inner.CommitAsync(
                    request.TargetBranch, head.Hash, [ViewOperation.Put(key, $"SELECT {MergeCalls}")], "concurrent", cancellationToken);
            }
        }

        return await Port.MergeAsync(request, cancellationToken);
    }
}
