using System.Runtime.CompilerServices;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit.Operations;

namespace LakehouseManager.PullRequests.CodeCommit;

internal sealed partial class CodeCommitPullRequestHost
{
    /// <summary>
    /// Every comment of the pull request, file comments and replies included, oldest first. A comment group can span
    /// two pages, and a comment is listed once.
    /// </summary>
    public async IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var comments = new Dictionary<string, PullRequestComment>(StringComparer.Ordinal);
        await foreach (var group in _client.GetCommentsAsync(new GetCommentsForPullRequestRequest(pullRequest.Id), cancellationToken)
            .ConfigureAwait(false))
        {
            foreach (var comment in group.Comments.Where(c => c.CommentId is not null))
            {
                comments[comment.CommentId!] = CodeCommitPullRequests.ToPort(comment);
            }
        }

        foreach (var comment in comments.Values.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            yield return comment;
        }
    }

    /// <summary>The comment with this id among the pull request's own comments; null when it has no such comment.</summary>
    public async Task<PullRequestComment?> GetCommentAsync(
        PullRequest pullRequest, string commentId, CancellationToken cancellationToken = default)
    {
        // GetComment does not say which pull request a comment belongs to: the pull request's own list does.
        await foreach (var comment in ListCommentsAsync(pullRequest, cancellationToken).ConfigureAwait(false))
        {
            if (comment.Id == commentId)
            {
                return comment;
            }
        }

        return null;
    }

    /// <summary>A general comment, on the pull request's current target (before) and source (after) commits.</summary>
    public async Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, string idempotencyToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        RequireContent(pullRequest, markdown);
        if (pullRequest.TargetCommit is not { } before || pullRequest.SourceCommit is not { } after || before == after)
        {
            throw new LakehouseException(
                $"Cannot comment on {pullRequest}: CodeCommit comments sit between two different commits, and its " +
                $"target is at {pullRequest.TargetCommit ?? "no commit"} and its source at {pullRequest.SourceCommit ?? "no commit"}.");
        }

        try
        {
            var response = await _client.PostCommentForPullRequestAsync(
                new PostCommentForPullRequestRequest(pullRequest.Id, pullRequest.Repository, before, after, markdown)
                {
                    ClientRequestToken = idempotencyToken,
                },
                cancellationToken).ConfigureAwait(false);
            return CodeCommitPullRequests.ToPort(response.Comment ?? throw NoComment(pullRequest));
        }
        catch (AwsServiceException e) when (e.ErrorCode == "IdempotencyParameterMismatchException")
        {
            return await PostedEarlierAsync(pullRequest, idempotencyToken, null, e, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest,
        string inReplyToCommentId,
        string markdown,
        string idempotencyToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        RequireContent(pullRequest, markdown);
        try
        {
            var response = await _client.PostCommentReplyAsync(
                new PostCommentReplyRequest(inReplyToCommentId, markdown) { ClientRequestToken = idempotencyToken },
                cancellationToken).ConfigureAwait(false);
            return CodeCommitPullRequests.ToPort(response.Comment ?? throw NoComment(pullRequest));
        }
        catch (AwsServiceException e) when (e.ErrorCode == "CommentDoesNotExistException")
        {
            throw new LakehouseException($"Cannot reply to comment {inReplyToCommentId} on {pullRequest}: it does not exist.", innerException: e);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "IdempotencyParameterMismatchException")
        {
            return await PostedEarlierAsync(pullRequest, idempotencyToken, inReplyToCommentId, e, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The same token with another text: another run answered the same thing first (a report's timings differ from run
    /// to run). Its comment stands; a second one would be a duplicate. It is the comment with that token or, where
    /// CodeCommit lists no tokens, the tool's latest reply to the same comment.
    /// </summary>
    private async Task<PullRequestComment> PostedEarlierAsync(
        PullRequest pullRequest, string token, string? inReplyTo, AwsServiceException mismatch, CancellationToken cancellationToken)
    {
        var comments = await ListCommentsAsync(pullRequest, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var identity = _botArn is null ? null : new HostIdentity(_botArn);
        var earlier = comments.FirstOrDefault(c => c.IdempotencyToken == token) ??
            (inReplyTo is null || identity is null
                ? null
                : comments.LastOrDefault(c => c.InReplyTo == inReplyTo && identity.Wrote(c)));
        if (earlier is not null)
        {
            return earlier;
        }

        throw new LakehouseException(
            $"CodeCommit refused a comment on {pullRequest}: its idempotency token was used before for another text, " +
            "and that comment cannot be found.",
            innerException: mismatch);
    }

    private void RequireContent(PullRequest pullRequest, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new LakehouseException($"Cannot post an empty comment on {pullRequest}.");
        }

        if (markdown.Length > MaxCommentLength)
        {
            throw new LakehouseException(
                $"The comment for {pullRequest} is {markdown.Length} characters long; CodeCommit's limit is {MaxCommentLength}. " +
                "Cut the report before posting it.");
        }
    }

    private static LakehouseException NoComment(PullRequest pullRequest) =>
        new($"CodeCommit accepted a comment on {pullRequest} but did not return it.");
}
