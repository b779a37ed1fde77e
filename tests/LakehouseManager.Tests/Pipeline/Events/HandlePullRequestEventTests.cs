using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests.Commands;
using LakehouseManager.PullRequests.Events;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>HandlePullRequestEvent's answers to the unusual: wrong repositories, unknown comments, refused callers, expired credentials.</summary>
public sealed class HandlePullRequestEventTests
{
    private static PullRequestEvent Comment(ReviewWorld world, string pullRequestId, string commentId, string? repository = null) =>
        new("commentOnPullRequestCreated", PullRequestEvent.CommentOnPullRequest, PullRequestEventKind.CommentCreated, pullRequestId,
            repository ?? world.Repository, CommentId: commentId);

    private static PullRequestEvent Created(ReviewWorld world, string pullRequestId, string? repository = null) =>
        new("pullRequestCreated", PullRequestEvent.PullRequestStateChange, PullRequestEventKind.Created, pullRequestId,
            repository ?? world.Repository, IsMerged: false, PullRequestStatus: "Open");

    [Fact(Timeout = 120_000)]
    public async Task An_event_of_another_repository_is_refused_before_anything_is_read()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        var calls = world.Fake.Exchanges.Count;

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => world.Pipeline().HandlePullRequestEventAsync(Created(world, id, "someone-elses"), world.Review));

        Assert.Equal(
            $"The event pullRequestCreated (pull request {id} of someone-elses) is about repository 'someone-elses', but this pipeline is " +
            "for 'mirror' (--repo-name): check the EventBridge rule's repository filter.",
            error.Message);
        Assert.Equal(calls, world.Fake.Exchanges.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_comment_that_is_not_on_the_pull_request_is_an_error_naming_both()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => world.Pipeline().HandlePullRequestEventAsync(Comment(world, id, "463bEXAMPLE..."), world.Review));

        Assert.StartsWith($"Comment 463bEXAMPLE... is not a comment of pull request {id} (dev → main) in repository 'mirror'", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Unknown_commands_get_the_help_and_refused_callers_are_told_so_once()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        var review = world.Review with { Allowlist = CommandAllowlist.Parse(["sync=arn:aws:iam::123456789012:role/Ops"]) };
        var unknown = await world.CommentAsync(id, "!deploy now");
        var refused = await world.CommentAsync(id, "!sync");

        var outcomes = new List<ReviewOutcome>();
        foreach (var commentId in new[] { unknown, refused, unknown, refused })
        {
            outcomes.Add(await world.Pipeline().HandlePullRequestEventAsync(Comment(world, id, commentId), review));
        }

        var comments = await world.CommentsAsync(id);
        var help = Assert.Single(comments, c => c.InReplyTo == unknown);
        var denial = Assert.Single(comments, c => c.InReplyTo == refused);
        Assert.StartsWith("`!deploy` is not a command.", help.Content, StringComparison.Ordinal);
        Assert.Contains("`!status`", help.Content, StringComparison.Ordinal);
        Assert.StartsWith($"`!sync` was not run: `{Aws.CodeCommit.CodeCommitWorld.Reviewer.Arn}` may not run `!sync`", denial.Content, StringComparison.Ordinal);
        Assert.Equal(
            [ReviewAction.CommandAnswered, ReviewAction.CommandAnswered, ReviewAction.Ignored, ReviewAction.Ignored],
            outcomes.Select(o => o.Action));
        Assert.Equal(3, (await world.CommitsAsync("dev")).Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_sync_command_is_acknowledged_then_answered_with_the_commit_it_made()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();
        var command = await world.CommentAsync(id, "!sync");

        var outcome = await world.Pipeline().HandlePullRequestEventAsync(Comment(world, id, command), world.Review);

        var replies = (await world.CommentsAsync(id)).Where(c => c.InReplyTo == command).OrderBy(c => c.CreationDate).ToList();
        Assert.Equal(["Working on `!sync`: the result follows in this thread.", outcome.Summary], replies.Select(r => r.Content));
        Assert.Contains("mirror commit", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(4, (await world.CommitsAsync("dev")).Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task Expired_credentials_stop_the_run_with_what_to_refresh()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        world.Fake.FailNextCalls(1, "ExpiredTokenException", 400);

        var error = await Assert.ThrowsAsync<LakehouseManager.Aws.AwsServiceException>(
            () => world.Pipeline().HandlePullRequestEventAsync(Created(world, id), world.Review));

        Assert.Contains("the AWS credentials have expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Aws.CodeCommit.CodeCommitWorld.Bot.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_pull_request_closed_without_a_merge_keeps_or_drops_its_catalog_branch_by_policy()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        using (var reviewer = world.Reviewer())
        {
            await reviewer.UpdatePullRequestStatusAsync(id, "CLOSED");
        }

        var kept = await world.Pipeline().HandlePullRequestEventAsync(Created(world, id), world.Review);
        var branchAfterKeep = await world.Catalog.FindBranchAsync("dev");
        var dropped = await world.Pipeline().HandlePullRequestEventAsync(Created(world, id), world.Review with { OnClose = OnClose.DropBranch });

        Assert.Equal(ReviewAction.Closed, kept.Action);
        Assert.NotNull(branchAfterKeep);
        Assert.Contains("was dropped", dropped.Summary, StringComparison.Ordinal);
        Assert.Null(await world.Catalog.FindBranchAsync("dev"));
    }
}
