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

    public Task<CatalogPage<CatalogView>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        inner.ListViewsAsync(hash, pageToken, pageSize, cancellationToken);

    public Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        inner.DiffAsync(fromHash, toHash, pageToken, pageSize, cancellationToken);

    public Task<IReadOnlyList<CatalogView>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default) =>
        inner.GetViewsAsync(hash, keys, cancellationToken);

    public Task<bool> IsAncestorAsync(string ancestorHash, string descendantHash, CancellationToken cancellationToken = default) =>
        inner.IsAncestorAsync(ancestorHash, descendantHash, cancellationToken);

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default) =>
        inner.CreateBranchAsync(name, fromHash, cancellationToken);

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) =>
        inner.DeleteBranchAsync(name, expectedHash, cancellationToken);

    public async Task<MergeResult> MergeAsync(
        string fromBranch,
        string fromHash,
        string targetBranch,
        string expectedTargetHash,
        bool dryRun,
        CancellationToken cancellationToken = default)
    {
        if (!dryRun)
        {
            MergeCalls++;
            if (MergeCalls <= moves)
            {
                var head = await inner.GetBranchAsync(targetBranch, cancellationToken);
                var key = ContentKey.Of("shop", "concurrent", $"view_{MergeCalls}");
                await inner.CommitAsync(
                    targetBranch, head.Hash, [ViewOperation.Put(key, $"SELECT {MergeCalls}")], "concurrent", cancellationToken);
            }
        }

        return await inner.MergeAsync(fromBranch, fromHash, targetBranch, expectedTargetHash, dryRun, cancellationToken);
    }
}
