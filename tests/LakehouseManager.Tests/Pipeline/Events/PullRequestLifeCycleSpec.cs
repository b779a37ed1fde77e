using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests.Events;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// The end-to-end spec of issue 11, through the fakes: a pull request opens; the catalog changes; a sync commit lands
/// on the pull request's branch; a reviewer comments <c>!test</c> and exactly one reply carries the results; the pull
/// request is merged; the catalog is merged. Then the same with every event delivered three times in shuffled order,
/// and with two runs handling the same event at once.
/// </summary>
public sealed class PullRequestLifeCycleSpec
{
    [Fact(Timeout = 240_000)]
    public async Task A_pull_request_life_cycle_mirrors_tests_and_merges_the_catalog()
    {
        await using var world = await ReviewWorld.StartAsync();

        var state = await RunLifeCycleAsync(world, deliveries: 1, shuffle: null);

        AssertLifeCycle(state);
    }

    [Fact(Timeout = 300_000)]
    public async Task Every_event_delivered_three_times_in_shuffled_order_ends_as_one_delivery_does()
    {
        await using var world = await ReviewWorld.StartAsync();

        var state = await RunLifeCycleAsync(world, deliveries: 3, shuffle: new Random(11));

        AssertLifeCycle(state);
    }

    [Fact(Timeout = 240_000)]
    public async Task Two_runs_handling_the_same_events_at_once_end_as_one_run()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();
        await world.Pipeline().SyncOpenPullRequestsAsync();
        var seen = world.Events.Count;
        var commandId = await world.CommentAsync(id, "!test");
        var comment = Assert.Single(world.EventsSince(seen), e => e.Kind == PullRequestEventKind.CommentCreated);

        await Task.WhenAll(
            world.Pipeline().HandlePullRequestEventAsync(comment, world.Review),
            world.Pipeline().HandlePullRequestEventAsync(comment, world.Review));
        seen = world.Events.Count;
        await world.MergeAsync(id);
        var merged = world.EventsSince(seen).First(e => e.Kind == PullRequestEventKind.MergeStatusUpdated);
        var outcomes = await Task.WhenAll(
            world.Pipeline().HandlePullRequestEventAsync(merged, world.Review),
            world.Pipeline().HandlePullRequestEventAsync(merged, world.Review));

        var replies = (await world.CommentsAsync(id)).Where(c => c.InReplyTo == commandId).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Single(replies, r => r.Content!.StartsWith("Running the data tests", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Content!.Contains("passed", StringComparison.Ordinal) && r.Content.Contains("daily_revenue", StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.Equal(ReviewAction.Merged, o.Action));
        Assert.Single(outcomes, o => o.Summary.EndsWith("(Merged).", StringComparison.Ordinal));
        Assert.Single(outcomes, o => o.Summary.EndsWith("(AlreadyMerged).", StringComparison.Ordinal));
        Assert.Equal(await world.ViewsAsync("dev"), await world.ViewsAsync("main"));
    }

    private static async Task<LifeCycleState> RunLifeCycleAsync(ReviewWorld world, int deliveries, Random? shuffle)
    {
        var mainBefore = await world.ViewsAsync("main");
        var devCommitsBefore = (await world.CommitsAsync("dev")).Count;
        var seen = 0;

        async Task DeliverAsync()
        {
            var batch = world.Events.Skip(seen).Select(e => e.Json).ToList();
            seen += batch.Count;
            var deliveriesOfBatch = Enumerable.Repeat(batch, deliveries).SelectMany(b => b).ToList();
            if (shuffle is not null)
            {
                deliveriesOfBatch = [.. deliveriesOfBatch.OrderBy(_ => shuffle.Next())];
            }

            foreach (var item in deliveriesOfBatch)
            {
                // Each delivery is a CodeBuild job of its own: its own checkout, reading the variables the rule set.
                var outcome = await world.Pipeline().HandlePullRequestEventAsync(
                    PullRequestEventParser.FromEnvironment(InputTransformer.Environment(item)), world.Review);
                Assert.Equal(PullRequestEventParser.Parse(item), PullRequestEventParser.FromEnvironment(InputTransformer.Environment(item)));
                Assert.False(outcome.Failed, outcome.Summary);
            }
        }

        // 1. A pull request opens.
        var id = await world.OpenPullRequestAsync();
        await DeliverAsync();

        // 2. The catalog changes (no CodeCommit event: the schedule's SyncOpenPullRequests brings it).
        await world.ChangeCatalogAsync();
        var scheduled = await world.Pipeline().SyncOpenPullRequestsAsync();

        // 3. The sync commit landed on the pull request's branch; CodeCommit tells its source branch moved.
        await world.Fake.RefreshAsync();
        await DeliverAsync();

        // 4. A reviewer comments !test.
        var commandId = await world.CommentAsync(id, "!test");
        await DeliverAsync();

        // 5. The pull request is merged; 6. the catalog follows.
        await world.MergeAsync(id);
        await DeliverAsync();

        // Late and repeated deliveries of everything change nothing.
        var everything = world.Events.ToList();
        seen = 0;
        await DeliverAsync();

        return new LifeCycleState(
            id,
            commandId,
            scheduled.Select(o => o.Action).ToList(),
            await world.CommentsAsync(id),
            (await world.CommitsAsync("dev")).Count - devCommitsBefore,
            mainBefore,
            await world.ViewsAsync("dev"),
            await world.ViewsAsync("main"),
            everything.Select(e => e.EventName).ToList());
    }

    private static void AssertLifeCycle(LifeCycleState state)
    {
        Assert.Equal([ReviewAction.Synced], state.ScheduledSync);
        Assert.Equal(1, state.NewDevCommits);

        var bot = state.Comments.Where(c => c.AuthorArn!.Contains(":assumed-role/lakehouse-manager/", StringComparison.Ordinal)).ToList();
        var replies = bot.Where(c => c.InReplyTo == state.CommandId).ToList();
        Assert.Equal(2, replies.Count);
        var result = Assert.Single(replies, r => !r.Content!.StartsWith("Running the data tests", StringComparison.Ordinal));
        Assert.Contains("daily_revenue_counts_completed_orders_only", result.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", result.Content, StringComparison.Ordinal);
        Assert.Single(bot, c => c.InReplyTo is null && c.Content!.Contains("merged", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, bot.Count);

        Assert.NotEqual(state.MainBefore, state.MainAfter);
        Assert.Equal(state.DevAfter, state.MainAfter);
        Assert.Contains("shop.sales.revenue_by_country", state.MainAfter.Keys);
        Assert.DoesNotContain("shop.marketing.legacy_segments", state.MainAfter.Keys);
        Assert.Equal(
            ["pullRequestCreated", "pullRequestSourceBranchUpdated", "commentOnPullRequestCreated", "pullRequestMergeStatusUpdated", "pullRequestStatusChanged"],
            state.EventNames.Distinct().ToList());
    }

    private sealed record LifeCycleState(
        string PullRequestId,
        string CommandId,
        IReadOnlyList<ReviewAction> ScheduledSync,
        IReadOnlyList<LakehouseManager.Aws.CodeCommit.CodeCommitComment> Comments,
        int NewDevCommits,
        IReadOnlyDictionary<string, string> MainBefore,
        IReadOnlyDictionary<string, string> DevAfter,
        IReadOnlyDictionary<string, string> MainAfter,
        IReadOnlyList<string> EventNames);
}
