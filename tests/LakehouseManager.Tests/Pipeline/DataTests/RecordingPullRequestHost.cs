using System.Globalization;
using System.Runtime.CompilerServices;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Tests.Pipeline.DataTests;

/// <summary>A pull-request host that keeps the comments posted to it, with a size limit of the test's choosing.</summary>
internal sealed class RecordingPullRequestHost(int maxCommentLength = 10_240) : IPullRequestHost
{
    private readonly List<PullRequestComment> _comments = [];

    public static PullRequest PullRequest { get; } =
        new("7", "Daily revenue by day", PullRequestStatus.Open, false, "dev", "main", null, null);

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
        PullRequest pullRequest, string markdown, CancellationToken cancellationToken = default) =>
        Task.FromResult(Add(markdown, null));

    public Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest, string inReplyToCommentId, string markdown, CancellationToken cancellationToken = default) =>
        Task.FromResult(Add(markdown, inReplyToCommentId));

    private PullRequestComment Add(string markdown, string? inReplyTo)
    {
        lock (_comments)
        {
            var comment = new PullRequestComment(
                (_comments.Count + 1).ToString(CultureInfo.InvariantCulture), "lakehouse-bot", markdown,
                DateTimeOffset.UnixEpoch, inReplyTo);
            _comments.Add(comment);
            return comment;
        }
    }
}
