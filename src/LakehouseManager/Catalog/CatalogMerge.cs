using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>
/// A merge of <see cref="FromHash"/> (a commit of branch <see cref="FromBranch"/>) into <see cref="TargetBranch"/>,
/// which must be at <see cref="ExpectedTargetHash"/> (Nessie's <c>POST /trees/{target@hash}/history/merge</c>).
/// </summary>
/// <param name="FromBranch">The source branch's name.</param>
/// <param name="FromHash">The source commit to merge: the reviewed one, never a moving head.</param>
/// <param name="TargetBranch">The branch merged into.</param>
/// <param name="ExpectedTargetHash">Where the target must be; a stale hash is an error of kind Conflict.</param>
/// <param name="DryRun">Only say what would happen; nothing is applied.</param>
/// <param name="Message">The merge commit's message, e.g. "Merge pull request 42 (dev → main), reviewed at git commit abc123".</param>
/// <param name="Author">The merge commit's author.</param>
public sealed record CatalogMergeRequest(
    string FromBranch,
    string FromHash,
    string TargetBranch,
    string ExpectedTargetHash,
    bool DryRun,
    string Message,
    string Author);

/// <summary>
/// The outcome of a merge or a dry-run merge: a closed set. A merge is all or nothing; with conflicts or a rejection
/// nothing was applied.
/// </summary>
public abstract record CatalogMergeResult
{
    private CatalogMergeResult()
    {
    }

    /// <summary>
    /// Merged (or, for a dry run, mergeable): <see cref="TargetHash"/> is the target's head after the merge (for a dry
    /// run, its head now).
    /// </summary>
    public sealed record Merged(string TargetHash, bool WasApplied) : CatalogMergeResult;

    /// <summary>The source commit is already in the target's history: there is nothing to merge.</summary>
    public sealed record NothingToMerge(string TargetHash) : CatalogMergeResult;

    /// <summary>Keys changed on both sides differently; nothing was applied.</summary>
    public sealed record Conflicts(IReadOnlyList<MergeConflict> Items) : CatalogMergeResult;

    /// <summary>The catalog refused the merge for a reason that is not a key conflict; nothing was applied.</summary>
    public sealed record Rejected(string Reason) : CatalogMergeResult;
}

/// <summary>One key that cannot be merged, and why (Nessie's conflict types: KEY_EXISTS, VALUE_DIFFERS ...).</summary>
public sealed record MergeConflict(ContentKey Key, string ConflictType, string Message);
