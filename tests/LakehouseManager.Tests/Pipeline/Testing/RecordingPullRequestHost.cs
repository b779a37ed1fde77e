using System.Globalization;
using System.Runtime.CompilerServices;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Tests.Pipeline.Testing;

/// <summary>A pull-request host that keeps the comments posted to it, with a size limit of the test's choosing.</summary>
internal sealed class RecordingPullRequestHost(int maxCommentLength = 10_240) : IPullRequestHost
{
    private readonly List<PullRequestComment> _comments = [];

    public static PullRequest PullRequest { get; } =
        new("lakehouse", "7", "Daily revenue by day", PullRequestStatus.Open, "dev", "main", null, null);

    public string Description => "recording pull-request host";

    public int MaxCommentLength => maxCommentLength;

    public IReadOnlyList<PullRequestComment> Comments
    {
        get
        {
            lock (_comments)
            {
                return [.. _comments];
            }
        }
    }

    public Task<HostIdentity> GetIdentityAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new HostIdentity("lakehouse-bot"));

    public Task<PullRequestComment?> GetCommentAsync(
        PullRequest pullRequest, string commentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Comments.FirstOrDefault(c => c.Id == commentId));

    public Task<PullRequest> GetPullRequestAsync(PullRequestSelector selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(PullRequest);

    public async IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var comment in Comments)
        {
            yield return comment;
        }
    }

    public Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, string idempotencyToken, CancellationToken cancellationToken = default) =>
        Task.FromResult(Add(markdown, null, idempotencyToken));

    public Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest, string inReplyToCommentId, string markdown, string idempotencyToken,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Add(markdown, inReplyToCommentId, idempotencyToken));

    /// <summary>Like the real hosts: too long a comment is refused, and a token already used returns its comment.</summary>
    private PullRequestComment Add(string markdown, string? inReplyTo, string token)
    {
        if (markdown.Length > maxCommentLength)
        {
            throw new LakehouseException($"The comment is {markdown.Length} characters long; the limit is {maxCommentLength}.");
        }

        lock (_comments)
        {
            if (_comments.FirstOrDefault(c => c.IdempotencyToken == token) is { } earlier)
            {
                return earlier;
            }

            var comment = new PullRequestComment(
                (_comments.Count + 1).ToString(CultureInfo.InvariantCulture), "lakehouse-bot", markdown,
                DateTimeOffset.UnixEpoch, inReplyTo, IdempotencyToken: token);
            _comments.Add(comment);
            return comment;
        }
    }
}
