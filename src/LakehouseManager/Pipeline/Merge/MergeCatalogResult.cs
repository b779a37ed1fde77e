using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Pipeline.Merge;

/// <summary>
/// The outcome of MergeCatalog with every hash involved, for the console, the pull-request comment and the caller's
/// exit code (<see cref="IsSuccess"/>).
/// </summary>
/// <param name="Outcome">Merged, already merged, or refused for conflicts.</param>
/// <param name="PullRequest">The pull request as read at the start of the run.</param>
/// <param name="Watermark">The mirror commit of the git source branch whose catalog hash was reviewed.</param>
/// <param name="FromHash">The catalog hash that was (or would have been) merged: the reviewed one.</param>
/// <param name="SourceHead">The catalog source branch's head, or null when that branch no longer exists.</param>
/// <param name="TargetHashBefore">The target branch's head before the merge (at the last attempt).</param>
/// <param name="TargetHashAfter">The target branch's head after the run (equal to before unless merged).</param>
/// <param name="Conflicts">The conflicts of the dry run; empty unless <see cref="Outcome"/> is Conflicts.</param>
/// <param name="Attempts">How many dry-run-and-merge rounds it took (the target may move in between).</param>
public sealed record MergeCatalogResult(
    MergeCatalogOutcome Outcome,
    PullRequest PullRequest,
    GitWatermark Watermark,
    string FromHash,
    string? SourceHead,
    string TargetHashBefore,
    string TargetHashAfter,
    IReadOnlyList<MergeConflict> Conflicts,
    int Attempts)
{
    public string SourceBranch => PullRequest.SourceBranch;

    public string TargetBranch => PullRequest.TargetBranch;

    /// <summary>Merged or already merged; conflicts are a failure of the target.</summary>
    public bool IsSuccess => Outcome != MergeCatalogOutcome.Conflicts;

    /// <summary>The catalog source branch moved on after the reviewed hash: those changes were not merged.</summary>
    public bool HasUnreviewedChanges => SourceHead is not null && SourceHead != FromHash;
}
