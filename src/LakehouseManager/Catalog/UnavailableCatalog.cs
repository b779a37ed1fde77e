using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>
/// Stands in for a catalog adapter this version does not have (chosen with <c>--catalog</c>): every call fails with
/// the reason, so that the work that needs no catalog (data tests on Dremio) still runs, and the work that does says
/// clearly why it cannot.
/// </summary>
public sealed class UnavailableCatalog(string reason) : ICatalog
{
    public string Description => "unavailable catalog";

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) => Fail<string>();

    public Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default) => Fail<CatalogBranch?>();

    public Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        Fail<IReadOnlyList<CatalogBranch>>();

    public Task<CatalogPage<CatalogView>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        Fail<CatalogPage<CatalogView>>();

    public Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default) =>
        Fail<CatalogPage<CatalogChange>>();

    public Task<IReadOnlyList<CatalogView>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default) =>
        Fail<IReadOnlyList<CatalogView>>();

    public Task<bool> IsAncestorAsync(string ancestorHash, string descendantHash, CancellationToken cancellationToken = default) =>
        Fail<bool>();

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default) =>
        Fail<CatalogBranch>();

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<MergeResult> MergeAsync(
        string fromBranch, string fromHash, string targetBranch, string expectedTargetHash, bool dryRun,
        CancellationToken cancellationToken = default) =>
        Fail<MergeResult>();

    private Task<T> Fail<T>() => Task.FromException<T>(new LakehouseException(reason));
}
