namespace LakehouseManager.PullRequests;

/// <summary>Whether a pull request is still open for review.</summary>
public enum PullRequestStatus
{
    Open,
    Closed,
}

/// <summary>How a pull request was merged (CodeCommit's merge options).</summary>
public enum PullRequestMergeOption
{
    FastForward,
    Squash,
    ThreeWay,
}

/// <summary>
/// How a pull request was merged: the merge commit on the target, the merge option, who merged it, and the source
/// commit that was merged. That source commit is kept even when a squash merge deleted the source branch: it is where
/// the reviewed mirror state is found.
/// </summary>
public sealed record PullRequestMerge(
    string? MergeCommit,
    PullRequestMergeOption? Option,
    string? SourceCommit,
    string? MergedBy);

/// <summary>
/// A pull request as the pipeline sees it: its repository and id, the git branches (which have the same names as the
/// catalog branches), their commits, and the merge metadata once it is merged.
/// </summary>
public sealed record PullRequest(
    string Repository,
    string Id,
    string Title,
    PullRequestStatus Status,
    string SourceBranch,
    string TargetBranch,
    string? SourceCommit,
    string? TargetCommit,
    PullRequestMerge? Merge = null)
{
    /// <summary>Whether the pull request was merged (it then has <see cref="Merge"/> metadata).</summary>
    public bool IsMerged => Merge is not null;

    /// <summary>The source commit that was merged, else the source branch's commit.</summary>
    public string? ReviewedSourceCommit => Merge?.SourceCommit ?? SourceCommit;

    public override string ToString() => $"pull request {Id} ({SourceBranch} → {TargetBranch})";
}
