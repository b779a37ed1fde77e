namespace LakehouseManager.PullRequests;

/// <summary>
/// The pull-request-host port (design §6), shaped for CodeCommit (api-facts §C.2) and for GitHub later. Adapters: Local
/// (git only: a pull request is a pair of branches in the mirror repository, and comments are files) and CodeCommit.
/// Every run re-reads the pull request, because events may be lost or repeated.
/// </summary>
public interface IPullRequestHost
{
    /// <summary>A short description for messages, e.g. "local pull-request host (repo .lakehouse/mirror)".</summary>
    string Description { get; }

    /// <summary>The size limit of one comment, in characters (CodeCommit: 10,240). Every adapter enforces it.</summary>
    int MaxCommentLength { get; }

    /// <summary>Who the tool posts as on this host, so it can ignore its own comments and find its own replies.</summary>
    Task<HostIdentity> GetIdentityAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the current state of the pull request; fails with a clear error when it does not exist.</summary>
    Task<PullRequest> GetPullRequestAsync(PullRequestSelector selector, CancellationToken cancellationToken = default);

    /// <summary>The comments of the pull request, oldest first (paged underneath), deleted ones included and flagged.</summary>
    IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, CancellationToken cancellationToken = default);

    /// <summary>One comment of the pull request by its id, or null when the pull request has no such comment.</summary>
    Task<PullRequestComment?> GetCommentAsync(
        PullRequest pullRequest, string commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a comment (markdown) on the pull request. <paramref name="idempotencyToken"/> is made from what the
    /// comment answers (<see cref="IdempotencyToken"/>): posting again with the same token returns the first comment
    /// instead of a second one (CodeCommit's <c>clientRequestToken</c>).
    /// </summary>
    Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, string idempotencyToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a reply to a comment: the reply is the record that a command was handled. Same token, same reply.
    /// </summary>
    Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest,
        string inReplyToCommentId,
        string markdown,
        string idempotencyToken,
        CancellationToken cancellationToken = default);
}
