using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Branches, and resolving branch names and hashes with errors that name them.</summary>
public sealed partial class LocalCatalog
{
    public Task<CatalogBranch?> FindBranchAsync(string name, CancellationToken cancellationToken = default)
    {
        RefName.Require(name);
        return RunAsync(
            write: false,
            async store =>
            {
                var head = await store.GetBranchHeadAsync(name, cancellationToken).ConfigureAwait(false);
                return head is { } id
                    ? new CatalogBranch(name, (await store.GetNodeAsync(id, cancellationToken).ConfigureAwait(false)).Hash)
                    : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(write: false, store => ListBranchesAsync(store, cancellationToken), cancellationToken);

    public Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default)
    {
        RefName.Require(name);
        return RunAsync(
            write: true,
            async store =>
            {
                if (await store.GetBranchHeadAsync(name, cancellationToken).ConfigureAwait(false) is not null)
                {
                    throw new CatalogException(
                        CatalogErrorKind.AlreadyExists,
                        $"Named reference '{name}' already exists in the {Description}.");
                }

                var commit = await ResolveHashAsync(store, fromHash, cancellationToken).ConfigureAwait(false);
                await store.InsertBranchAsync(name, commit.Id, cancellationToken).ConfigureAwait(false);
                return new CatalogBranch(name, commit.Hash);
            },
            cancellationToken);
    }

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default)
    {
        RefName.Require(name);
        return RunAsync(
            write: true,
            async store =>
            {
                var head = await RequireBranchAsync(store, name, cancellationToken).ConfigureAwait(false);
                if (name == DefaultBranch)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest, $"Default branch '{name}' cannot be deleted.");
                }

                await RequireExactHeadAsync(store, name, head, expectedHash, cancellationToken).ConfigureAwait(false);
                await store.DeleteBranchAsync(name, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    internal async Task<IReadOnlyList<CatalogBranch>> ListBranchesAsync(CatalogStore store, CancellationToken cancellationToken)
    {
        var branches = new List<CatalogBranch>();
        foreach (var (name, commitId) in await store.ListBranchesAsync(cancellationToken).ConfigureAwait(false))
        {
            branches.Add(new CatalogBranch(name, (await store.GetNodeAsync(commitId, cancellationToken).ConfigureAwait(false)).Hash));
        }

        return branches;
    }

    /// <summary>The head of the branch, or an error that names it and lists the branches there are.</summary>
    internal async Task<CommitNode> RequireBranchAsync(CatalogStore store, string name, CancellationToken cancellationToken)
    {
        if (RefName.Validate(name) is { } error)
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, $"Invalid branch name '{name}': {error}.");
        }

        if (await store.GetBranchHeadAsync(name, cancellationToken).ConfigureAwait(false) is { } id)
        {
            return await store.GetNodeAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var branches = await store.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
        throw CatalogExtensions.BranchNotFound(name, Description, branches.Select(b => b.Name));
    }

    /// <summary>The commit with this hash (or unique prefix of at least 8 hex digits), or an error naming it.</summary>
    internal async Task<CommitNode> ResolveHashAsync(CatalogStore store, string hash, CancellationToken cancellationToken)
    {
        if (!RefName.IsHash(hash))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, $"'{hash}' is not a commit hash: a hash has 8 to 64 hex digits.");
        }

        var ids = await store.FindCommitsByHashPrefixAsync(hash.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => throw new CatalogException(
                CatalogErrorKind.NotFound, $"Commit '{hash}' not found in the {Description}."),
            1 => await store.GetNodeAsync(ids[0], cancellationToken).ConfigureAwait(false),
            _ => throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Commit hash '{hash}' is ambiguous in the {Description}: give more of its digits."),
        };
    }

    /// <summary>Deleting or merging into a branch requires its exact head, as in Nessie.</summary>
    internal async Task RequireExactHeadAsync(
        CatalogStore store, string branch, CommitNode head, string expectedHash, CancellationToken cancellationToken)
    {
        var matches = RefName.IsHash(expectedHash) &&
            (await store.FindCommitsByHashPrefixAsync(expectedHash.ToLowerInvariant(), cancellationToken).ConfigureAwait(false))
                is [var id] && id == head.Id;
        if (!matches)
        {
            throw StaleHash(branch, expectedHash, head.Hash);
        }
    }

    internal static CatalogException StaleHash(string branch, string expectedHash, string headHash) =>
        new(
            CatalogErrorKind.Conflict,
            $"named-reference '{branch}' is not at expected hash '{expectedHash}', but at '{headHash}'");
}
