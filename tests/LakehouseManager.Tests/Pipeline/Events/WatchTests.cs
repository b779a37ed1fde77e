using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>Watch: the original tool's loop, on the pipeline's clock (moved by the test, never slept on).</summary>
public sealed class WatchTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 180_000)]
    public async Task Watch_syncs_answers_new_commands_each_round_and_merges_the_catalog_when_the_pull_request_is_merged()
    {
        var clock = new WaitingClock();
        await using var world = await ReviewWorld.StartAsync(clock: clock);
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();

        var watch = world.Pipeline().WatchAsync(PullRequestSelector.ById(id), world.Review, s_interval);
        var firstWait = await clock.NextWaitAsync(watch);
        var afterFirstRound = (await world.CommitsAsync("dev")).Count;
        var command = await world.CommentAsync(id, "!status");
        clock.Advance(firstWait!.Value);
        var secondWait = await clock.NextWaitAsync(watch);
        var replies = (await world.CommentsAsync(id)).Count(c => c.InReplyTo == command);
        await world.MergeAsync(id);
        clock.Advance(secondWait!.Value);
        var outcome = await watch;

        Assert.Equal((s_interval, s_interval), (firstWait, secondWait));
        Assert.Equal(4, afterFirstRound);
        Assert.Equal(1, replies);
        Assert.Equal(ReviewAction.Merged, outcome.Action);
        Assert.Equal(await world.ViewsAsync("dev"), await world.ViewsAsync("main"));
        Assert.Single(await world.CommentsAsync(id), c => c.InReplyTo == command);
    }

    [Fact(Timeout = 180_000)]
    public async Task Cancelling_a_watch_stops_it_cleanly_between_rounds()
    {
        var clock = new WaitingClock();
        await using var world = await ReviewWorld.StartAsync(clock: clock);
        var id = await world.OpenPullRequestAsync();
        using var stop = new CancellationTokenSource();

        var watch = world.Pipeline().WatchAsync(PullRequestSelector.ById(id), world.Review, s_interval, stop.Token);
        await clock.NextWaitAsync(watch);
        await stop.CancelAsync();
        var outcome = await watch;

        Assert.Equal(ReviewAction.Stopped, outcome.Action);
        Assert.False(outcome.Failed);
    }

    [Fact(Timeout = 180_000)]
    public async Task Watching_a_pull_request_closed_without_a_merge_ends_at_once()
    {
        var clock = new WaitingClock();
        await using var world = await ReviewWorld.StartAsync(clock: clock);
        var id = await world.OpenPullRequestAsync();
        using (var reviewer = world.Reviewer())
        {
            await reviewer.UpdatePullRequestStatusAsync(id, "CLOSED");
        }

        var outcome = await world.Pipeline().WatchAsync(PullRequestSelector.ById(id), world.Review, s_interval);

        Assert.Equal(ReviewAction.Closed, outcome.Action);
    }
}
