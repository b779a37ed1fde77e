namespace LakehouseManager.PullRequests;

/// <summary>Whether a pull request is still open for review.</summary>
public enum PullRequestStatus
{
    Open,
    Closed,
}

/// <summary>
/// A pull request as the pipeline sees it: the git branches (which have the same names as the catalog branches), their
/// head commits, and whether it was merged. Every run re-reads it, because events may be lost or repeated.
/// </summary>
public sealed record PullRequest(
    string Id,
    string Title,
    PullRequestStatus Status,
    bool IsMerged,
    string SourceBranch,
    string TargetBranch,
    string? SourceCommit,
    string? TargetCommit)
{
    public override string ToString() => $"pull request {Id} ({SourceBranch} → {TargetBranch})";
}
