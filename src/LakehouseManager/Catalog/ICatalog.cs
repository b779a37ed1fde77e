using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>
/// The versioned-catalog port (design §3), Nessie-shaped so every adapter has the same semantics: branches with
/// commit hashes, paged listings and diffs at a hash, branch creation and deletion, and an all-or-nothing three-way
/// merge guarded by the expected target hash. Only views count: adapters leave tables, namespaces and functions out.
/// The SQL of a view is not promised here: see <see cref="Views.IViewSqlResolver"/>.
/// </summary>
/// <remarks>
/// Every write carries the hash the caller expects; a stale hash raises <see cref="CatalogException"/> with
/// <see cref="CatalogErrorKind.Conflict"/>, never a silent overwrite. Errors name the reference or key.
/// </remarks>
public interface ICatalog
{
    /// <summary>A short description for messages, e.g. "local catalog .lakehouse/catalog.db".</summary>
    string Description { get; }

    /// <summary>The name of the default branch (usually "main").</summary>
    Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default);

    /// <summary>The branch and its head hash, or null when there is no such branch.</summary>
    Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All branches, ordered by name.</summary>
    Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of the views at a commit, in key order.</summary>
    Task<CatalogPage<CatalogEntry>> ListViewsAsync(
        string hash, string? pageToken, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>One page of the view keys that differ between two commits, in key order.</summary>
    Task<CatalogPage<CatalogChange>> DiffAsync(
        string fromHash, string toHash, string? pageToken, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>The views among <paramref name="keys"/> that exist at the commit; absent keys are left out.</summary>
    Task<IReadOnlyList<CatalogEntry>> GetViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Creates a branch at a commit; fails with AlreadyExists when it exists.</summary>
    Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default);

    /// <summary>Deletes a branch that is at <paramref name="expectedHash"/>.</summary>
    Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges (or, with <see cref="CatalogMergeRequest.DryRun"/>, tries) the request's source commit into its target
    /// branch at the expected hash. Conflicts and rejections are results, and then nothing is applied; "already
    /// merged" is <see cref="CatalogMergeResult.NothingToMerge"/>.
    /// </summary>
    Task<CatalogMergeResult> MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken = default);
}
