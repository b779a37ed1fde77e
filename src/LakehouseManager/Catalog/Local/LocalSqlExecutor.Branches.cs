using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>CREATE BRANCH, DROP BRANCH and MERGE BRANCH, with Dremio's result shapes.</summary>
public sealed partial class LocalSqlExecutor
{
    private async Task<LocalSqlResult> CreateBranchAsync(
        CatalogBranch head, CreateBranchStatement statement, CancellationToken cancellationToken)
    {
        RefName.Require(statement.Name);
        if (statement.IfNotExists &&
            await _catalog.FindBranchAsync(statement.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return LocalSqlResult.Summary($"Reference {statement.Name} already exists.");
        }

        var (hash, description) = await ResolveRefAsync(head, statement.From, cancellationToken).ConfigureAwait(false);
        var created = await _catalog.CreateBranchAsync(statement.Name, hash, cancellationToken).ConfigureAwait(false);
        // Creating a branch makes no commit (as in Nessie), so the result names none.
        return LocalSqlResult.Summary($"Branch {created.Name} has been created at {description}.");
    }

    private async Task<LocalSqlResult> DropBranchAsync(
        CatalogBranch head, DropBranchStatement statement, CancellationToken cancellationToken)
    {
        RefName.Require(statement.Name);
        if (statement.Name == head.Name)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Cannot drop branch {statement.Name} while the statement runs at it; run DROP BRANCH at another branch.");
        }

        var branch = await _catalog.FindBranchAsync(statement.Name, cancellationToken).ConfigureAwait(false);
        if (branch is null && statement.IfExists)
        {
            return LocalSqlResult.Summary($"Branch {statement.Name} not found.");
        }

        branch ??= await _catalog.GetBranchAsync(statement.Name, cancellationToken).ConfigureAwait(false);
        await _catalog.DeleteBranchAsync(branch.Name, statement.AtCommit ?? branch.Hash, cancellationToken).ConfigureAwait(false);
        return LocalSqlResult.Summary($"Branch {branch.Name} has been dropped.");
    }

    private async Task<LocalSqlResult> MergeAsync(
        CatalogBranch head, MergeBranchStatement statement, CancellationToken cancellationToken)
    {
        var targetName = statement.Target ?? head.Name;
        if (statement.Source == targetName)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, $"Cannot merge branch {statement.Source} into itself; name another target with INTO.");
        }

        var source = await _catalog.GetBranchAsync(statement.Source, cancellationToken).ConfigureAwait(false);
        var target = await _catalog.GetBranchAsync(targetName, cancellationToken).ConfigureAwait(false);
        var result = await _catalog.MergeAsync(
            source.Name, source.Hash, target.Name, target.Hash, statement.DryRun, cancellationToken).ConfigureAwait(false);

        string summary;
        if (!result.WasSuccessful)
        {
            summary = statement.DryRun
                ? $"Branch {source.Name} cannot be merged into {target.Name}"
                : $"Failed to merge branch {source.Name} into {target.Name}";
        }
        else if (statement.DryRun)
        {
            summary = $"Branch {source.Name} can be merged into {target.Name}";
        }
        else
        {
            summary = result.WasApplied
                ? $"Branch {source.Name} has been merged into {target.Name} at {result.ResultHash}"
                : $"Branch {source.Name} is already merged into {target.Name} at {result.ResultHash}";
        }

        var rows = new List<IReadOnlyList<object?>> { new object?[] { summary, null, result.WasSuccessful ? "SUCCESS" : "FAILURE" } };
        rows.AddRange(result.Conflicts.Select(c => new object?[] { c.Message, c.Key.ToString(), c.ConflictType }));
        return new LocalSqlResult(["message", "contentName", "status"], rows, summary)
        {
            Succeeded = result.WasSuccessful,
            CommitHash = result.WasApplied ? result.ResultHash : null,
        };
    }

    /// <summary>The commit a reference names (the statement's branch when none is given), and how to describe it.</summary>
    private async Task<(string Hash, string Description)> ResolveRefAsync(
        CatalogBranch head, SqlRef? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return (head.Hash, $"branch {head.Name}");
        }

        switch (reference.Kind)
        {
            case "TAG":
                throw new CatalogException(CatalogErrorKind.BadRequest, "Tags are not supported by the local catalog; use a branch.");
            case "COMMIT":
                var commit = await _catalog.GetCommitAsync(reference.Value, cancellationToken).ConfigureAwait(false);
                return (commit.Hash, $"commit {commit.Hash}");
            case "REF" when RefName.Validate(reference.Value) is not null && RefName.IsHash(reference.Value):
                var byHash = await _catalog.GetCommitAsync(reference.Value, cancellationToken).ConfigureAwait(false);
                return (byHash.Hash, $"commit {byHash.Hash}");
            default:
                var branch = await _catalog.GetBranchAsync(reference.Value, cancellationToken).ConfigureAwait(false);
                return (branch.Hash, $"branch {branch.Name}");
        }
    }
}
