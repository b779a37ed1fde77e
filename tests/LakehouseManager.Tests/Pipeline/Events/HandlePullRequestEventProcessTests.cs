using LakehouseManager.Tests.PullRequests.Events;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// <c>./build.sh HandlePullRequestEvent --event FILE</c> in a process of its own, on the CodeCommit user guide's sample
/// events for a pull request's creation, its merge and a comment, unchanged: the fake holds their repository
/// (MyDemoRepo), pull requests (1 and 201), branch (test-branch) and comment (463bEXAMPLE...). No secret shows in the
/// output or in any artifact.
/// </summary>
public sealed class HandlePullRequestEventProcessTests
{
    [Fact(Timeout = 600_000)]
    public async Task The_documented_creation_and_merge_events_sync_the_pull_request_and_merge_its_catalog_branch()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();

        var created = await RunAsync(world, "pullRequestCreated");
        await world.MergeAsync(id);
        var merged = await RunAsync(world, "pullRequestMergeStatusUpdated");
        var again = await RunAsync(world, "pullRequestMergeStatusUpdated");

        Assert.Equal("1", id);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("mirror commit", created.Output, StringComparison.Ordinal);
        Assert.True(merged.ExitCode == 0, merged.Output);
        Assert.Contains("(Merged)", merged.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("(AlreadyMerged)", again.Output, StringComparison.Ordinal);
        Assert.Equal(await world.ViewsAsync("test-branch"), await world.ViewsAsync("main"));
        AssertNoSecrets(created, merged, again);
    }

    [Fact(Timeout = 600_000)]
    public async Task The_documented_comment_event_runs_the_command_of_the_comment_it_names()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch", firstPullRequestId: 201);
        var id = await world.OpenPullRequestAsync();
        world.Fake.UseNextCommentId("463bEXAMPLE...");
        var commandId = await world.CommentAsync(id, "!status");

        var result = await RunAsync(world, "commentOnPullRequestCreated");
        var repeated = await RunAsync(world, "commentOnPullRequestCreated");

        Assert.Equal(("201", "463bEXAMPLE..."), (id, commandId));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(repeated.ExitCode == 0, repeated.Output);
        Assert.Contains("was answered already", repeated.Output, StringComparison.Ordinal);
        var reply = Assert.Single(await world.CommentsAsync(id), c => c.InReplyTo == commandId);
        Assert.StartsWith("**Pull request 201** (`test-branch` → `main`) is open.", reply.Content, StringComparison.Ordinal);
        AssertNoSecrets(result, repeated);
    }

    [Fact(Timeout = 600_000)]
    public async Task An_approval_event_is_ignored_with_its_reason_and_a_missing_pull_request_is_an_error()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");

        var approval = await RunAsync(world, "pullRequestApprovalStateChanged");
        var missing = await RunAsync(world, "pullRequestCreated");

        Assert.True(approval.ExitCode == 0, approval.Output);
        Assert.Contains("Ignored pullRequestApprovalStateChanged", approval.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("Pull request 1 does not exist in CodeCommit", missing.Output, StringComparison.Ordinal);
        AssertNoSecrets(approval, missing);
    }

    private static Task<ReviewBuildRun> RunAsync(ReviewWorld world, string sample) =>
        ReviewBuild.RunAsync(world, ["HandlePullRequestEvent", "--event", SampleEvents.PathOf(sample)]);

    private static void AssertNoSecrets(params ReviewBuildRun[] runs)
    {
        foreach (var run in runs)
        {
            run.AssertShowsNoSecret();
        }
    }
}
