namespace LakehouseManager.PullRequests;

/// <summary>
/// Names one pull request: by id on hosts that have ids (CodeCommit's <c>--pull-request-id</c>), or by its source and
/// target branches (<c>--to-ref</c> into <c>--from-ref</c>) on the Local host. Either may be given, or both.
/// </summary>
public sealed record PullRequestSelector(string? Id, string? SourceBranch, string? TargetBranch)
{
    public static PullRequestSelector ById(string id) => new(id, null, null);

    public static PullRequestSelector ByBranches(string sourceBranch, string targetBranch) => new(null, sourceBranch, targetBranch);

    public override string ToString() =>
        Id is not null ? $"pull request {Id}" : $"the pull request {SourceBranch} → {TargetBranch}";
}
