namespace LakehouseManager.PullRequests;

/// <summary>
/// The pull-request-host port (design §6). Adapters: Local (git only: a pull request is a pair of branches in the
/// mirror repository, and reports go to files and the console) and, later, CodeCommit.
/// </summary>
public interface IPullRequestHost
{
    /// <summary>A short description for messages, e.g. "local pull-request host (repo .lakehouse/mirror)".</summary>
    string Description { get; }

    /// <summary>The size limit of one comment, in characters (CodeCommit: 10,240).</summary>
    int MaxCommentLength { get; }

    /// <summary>Reads the current state of the pull request; fails with a clear error when it does not exist.</summary>
    Task<PullRequest> GetPullRequestAsync(PullRequestSelector selector, CancellationToken cancellationToken = default);

    /// <summary>The comments of the pull request, oldest first (paged underneath).</summary>
    IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, CancellationToken cancellationToken = default);

    /// <summary>Posts a comment (markdown) on the pull request.</summary>
    Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, CancellationToken cancellationToken = default);

    /// <summary>Posts a reply to a comment: the reply is the record that a command was handled.</summary>
    Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest,
        string inReplyToCommentId,
        string markdown,
        CancellationToken cancellationToken = default);
}
