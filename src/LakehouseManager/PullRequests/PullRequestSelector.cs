namespace LakehouseManager.PullRequests;

/// <summary>
/// Names one pull request: by id on hosts that have ids (CodeCommit's <c>--pull-request-id</c>), or by its source and
/// target branches (<c>--to-ref</c> into <c>--from-ref</c>) on the Local host.
/// </summary>
public sealed record PullRequestSelector(string? Id, string SourceBranch, string TargetBranch);
