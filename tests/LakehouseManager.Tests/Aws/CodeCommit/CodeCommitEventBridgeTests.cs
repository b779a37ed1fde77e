using System.Text.Json;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Fakes.CodeCommit;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>The EventBridge events the fake emits follow api-facts C.3 field by field.</summary>
public sealed class CodeCommitEventBridgeTests : IAsyncLifetime
{
    private readonly List<CodeCommitFakeEvent> _delivered = [];
    private CodeCommitWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await CodeCommitWorld.StartAsync(new CodeCommitFakeOptions
        {
            OnEvent = (item, _) =>
            {
                lock (_delivered)
                {
                    _delivered.Add(item);
                }

                return Task.CompletedTask;
            },
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_event_has_the_documented_envelope_and_string_flags()
    {
        var pr = await _world.OpenAsync();

        var created = Assert.Single(_world.Fake.Events);
        using var json = created.Parse();
        var root = json.RootElement;
        var detail = root.GetProperty("detail");
        Assert.Equal("0", root.GetProperty("version").GetString());
        Assert.Equal("CodeCommit Pull Request State Change", root.GetProperty("detail-type").GetString());
        Assert.Equal("aws.codecommit", root.GetProperty("source").GetString());
        Assert.Equal("123456789012", root.GetProperty("account").GetString());
        Assert.Equal("us-east-1", root.GetProperty("region").GetString());
        Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:mirror", root.GetProperty("resources")[0].GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("time").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("pullRequestCreated", detail.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.String, detail.GetProperty("isMerged").ValueKind);
        Assert.Equal("False", detail.GetProperty("isMerged").GetString());
        Assert.Equal("Open", detail.GetProperty("pullRequestStatus").GetString());
        Assert.Equal(pr.PullRequestId, detail.GetProperty("pullRequestId").GetString());
        Assert.Equal(["mirror"], detail.GetProperty("repositoryNames").EnumerateArray().Select(e => e.GetString()));
        Assert.False(detail.TryGetProperty("repositoryName", out _));
        Assert.Equal("refs/heads/dev", detail.GetProperty("sourceReference").GetString());
        Assert.Equal("refs/heads/main", detail.GetProperty("destinationReference").GetString());
        Assert.Equal(pr.PullRequestTargets[0].SourceCommit, detail.GetProperty("sourceCommit").GetString());
        Assert.Equal(pr.RevisionId, detail.GetProperty("revisionId").GetString());
        Assert.Equal(CodeCommitWorld.Reviewer.Arn, detail.GetProperty("callerUserArn").GetString());
        Assert.Equal([created], _delivered);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_event_names_the_comment_and_repository_but_carries_no_text()
    {
        var pr = await _world.OpenAsync();
        using var reviewer = _world.Client(CodeCommitWorld.Reviewer);
        var target = pr.PullRequestTargets[0];

        var posted = await reviewer.PostCommentForPullRequestAsync(new PostCommentForPullRequestRequest(
            pr.PullRequestId!, CodeCommitWorld.RepositoryName, target.DestinationCommit!, target.SourceCommit!, "!test secret-looking-text"));
        var reply = await reviewer.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment!.CommentId!, "me too"));

        var events = _world.Fake.Events.Where(e => e.DetailType == CodeCommitFakeEvent.CommentOnPullRequest).ToList();
        Assert.Equal(2, events.Count);
        using var first = events[0].Parse();
        var detail = first.RootElement.GetProperty("detail");
        Assert.Equal("commentOnPullRequestCreated", detail.GetProperty("event").GetString());
        Assert.Equal(posted.Comment.CommentId, detail.GetProperty("commentId").GetString());
        Assert.Equal("mirror", detail.GetProperty("repositoryName").GetString());
        Assert.False(detail.TryGetProperty("repositoryNames", out _));
        Assert.Equal(target.SourceCommit, detail.GetProperty("afterCommitId").GetString());
        Assert.Equal(target.DestinationCommit, detail.GetProperty("beforeCommitId").GetString());
        Assert.DoesNotContain("secret-looking-text", events[0].Json, StringComparison.Ordinal);
        using var second = events[1].Parse();
        Assert.Equal(posted.Comment.CommentId, second.RootElement.GetProperty("detail").GetProperty("inReplyTo").GetString());
        Assert.Equal(reply.Comment!.CommentId, second.RootElement.GetProperty("detail").GetProperty("commentId").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_push_a_merge_and_a_close_emit_their_events_in_order()
    {
        var merged = await _world.OpenAsync();
        await _world.CommitAsync("dev", "views/b.sql", "SELECT 2\n");
        await _world.Fake.RefreshAsync();
        await _world.CommitAsync("other", "views/o.sql", "SELECT 3\n");
        var closed = await _world.OpenAsync("other");
        using var bot = _world.Client(CodeCommitWorld.Bot);
        await bot.MergePullRequestByFastForwardAsync(new MergePullRequestByFastForwardRequest(merged.PullRequestId!, CodeCommitWorld.RepositoryName));
        await bot.UpdatePullRequestStatusAsync(closed.PullRequestId!, CodeCommitPullRequest.Closed);

        var events = _world.Fake.Events.Select(e => (e.PullRequestId, e.EventName, Flags: Flags(e))).ToList();

        Assert.Equal(
            [
                (merged.PullRequestId!, "pullRequestCreated", "False/Open/"),
                (merged.PullRequestId!, "pullRequestSourceBranchUpdated", "False/Open/"),
                (closed.PullRequestId!, "pullRequestCreated", "False/Open/"),
                (merged.PullRequestId!, "pullRequestMergeStatusUpdated", "True/Closed/FAST_FORWARD_MERGE"),
                (merged.PullRequestId!, "pullRequestStatusChanged", "True/Closed/FAST_FORWARD_MERGE"),
                (closed.PullRequestId!, "pullRequestStatusChanged", "False/Closed/"),
            ],
            events);
        Assert.Equal(_world.Fake.Events, _delivered);
    }

    private static string Flags(CodeCommitFakeEvent item)
    {
        using var json = item.Parse();
        var detail = json.RootElement.GetProperty("detail");
        var option = detail.TryGetProperty("mergeOption", out var value) ? value.GetString() : "";
        return $"{detail.GetProperty("isMerged").GetString()}/{detail.GetProperty("pullRequestStatus").GetString()}/{option}";
    }
}
