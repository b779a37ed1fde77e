namespace LakehouseManager.PullRequests.Events;

/// <summary>
/// One field of a CodeCommit event that <c>HandlePullRequestEvent</c> reads: the environment variable the EventBridge
/// input transformer sets for CodeBuild, and the JSON path it comes from in each detail-type (null: that detail-type
/// does not carry it).
/// </summary>
/// <param name="Name">The environment variable, e.g. <c>CODECOMMIT_PULL_REQUEST_ID</c>; also the transformer's input path name.</param>
/// <param name="PullRequestPath">Its path in a "CodeCommit Pull Request State Change" event, e.g. <c>$.detail.pullRequestId</c>.</param>
/// <param name="CommentPath">Its path in a "CodeCommit Comment on Pull Request" event.</param>
internal sealed record PullRequestEventVariable(string Name, string? PullRequestPath, string? CommentPath)
{
    /// <summary>The path in events of <paramref name="detailType"/>, or null.</summary>
    public string? PathFor(string detailType) => detailType switch
    {
        PullRequestEvent.PullRequestStateChange => PullRequestPath,
        PullRequestEvent.CommentOnPullRequest => CommentPath,
        _ => null,
    };

    /// <summary>How messages name the field: its path (the first one it has).</summary>
    public string Field => (PullRequestPath ?? CommentPath)!.TrimStart('$', '.');
}
