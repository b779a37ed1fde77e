using System.Runtime.CompilerServices;

namespace LakehouseManager.Catalog;

/// <summary>Conveniences over the port that every adapter gets for free.</summary>
internal static class CatalogExtensions
{
    /// <summary>The default page size: Nessie's default max-records hint is in this range too.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>The branch, or a <see cref="CatalogException"/> that names it and lists the branches there are.</summary>
    public static async Task<CatalogBranch> GetBranchAsync(
        this ICatalog catalog, string name, CancellationToken cancellationToken = default)
    {
        var branch = await catalog.FindBranchAsync(name, cancellationToken).ConfigureAwait(false);
        if (branch is not null)
        {
            return branch;
        }

        var branches = await catalog.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
        throw BranchNotFound(name, catalog.Description, branches.Select(b => b.Name));
    }

    /// <summary>The error for a branch that does not exist: it names the branch and lists the branches there are.</summary>
    internal static CatalogException BranchNotFound(string name, string catalogDescription, IEnumerable<string> branchNames) =>
        new(
            CatalogErrorKind.NotFound,
            $"Catalog branch '{name}' does not exist in the {catalogDescription}. " +
            $"Branches there: {string.Join(", ", branchNames)}.");

    /// <summary>Every change between two commits, page by page.</summary>
    public static async IAsyncEnumerable<CatalogChange> DiffAllAsync(
        this ICatalog catalog,
        string fromHash,
        string toHash,
        int pageSize = DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await catalog.DiffAsync(fromHash, toHash, token, pageSize, cancellationToken)
                .ConfigureAwait(false);
            foreach (var change in page.Items)
            {
                yield return change;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }
}
