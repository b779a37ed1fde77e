using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Demo;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// The targets with <c>--pr-host codecommit</c>, each in a process of its own as a user or a CodeBuild job runs them:
/// RunDataTests and MergeCatalog on a pull request named by its id, SyncOpenPullRequests for the schedule rule, and
/// Watch stopped by Ctrl-C. No secret shows in their output or artifacts.
/// </summary>
public sealed class CodeCommitTargetsProcessTests
{
    [Fact(Timeout = 300_000)]
    public async Task RunDataTests_and_MergeCatalog_take_a_CodeCommit_pull_request_by_its_id()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();
        await world.Pipeline().SyncOpenPullRequestsAsync();

        var tests = await ReviewBuild.RunAsync(world, ["RunDataTests", "--pull-request-id", id]);
        var early = await ReviewBuild.RunAsync(world, ["MergeCatalog", "--pull-request-id", id]);
        var mainBeforeMerge = await world.ViewsAsync("main");
        await world.MergeAsync(id);
        var merged = await ReviewBuild.RunAsync(world, ["MergeCatalog", "--pull-request-id", id]);
        var again = await ReviewBuild.RunAsync(world, ["MergeCatalog", "--pull-request-id", id]);

        Assert.True(tests.ExitCode == 0, tests.Output);
        var report = Assert.Single(await world.CommentsAsync(id), c => c.InReplyTo is null && c.Content!.Contains("daily_revenue", StringComparison.Ordinal));
        Assert.Contains(ReviewWorld.BotRole.Split('/')[^1], report.AuthorArn, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(tests.Artifacts, "test-results", "data-tests.xml")));
        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("is not merged", early.Output, StringComparison.Ordinal);
        Assert.NotEqual(await world.ViewsAsync("dev"), mainBeforeMerge);
        Assert.True(merged.ExitCode == 0, merged.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("AlreadyMerged", again.Output, StringComparison.Ordinal);
        Assert.Equal(await world.ViewsAsync("dev"), await world.ViewsAsync("main"));
        Assert.All([tests, early, merged, again], run => run.AssertShowsNoSecret());
    }

    [Fact(Timeout = 300_000)]
    public async Task SyncOpenPullRequests_syncs_each_open_pull_request_whose_catalog_branch_exists()
    {
        await using var world = await ReviewWorld.StartAsync();
        var sql = new LocalSqlExecutor(world.Catalog);
        await sql.ExecuteAsync("main", "CREATE BRANCH \"old\"");
        foreach (var statement in DemoScript.ChangesOnDev)
        {
            await sql.ExecuteAsync("old", statement);
        }

        await world.OpenPullRequestAsync();
        await OpenAsync(world, "feature");
        var old = await OpenAsync(world, "old");
        using (var reviewer = world.Reviewer())
        {
            await reviewer.UpdatePullRequestStatusAsync(old, "CLOSED");
        }

        await world.ChangeCatalogAsync();
        var before = (Dev: (await world.CommitsAsync("dev")).Count, Feature: (await world.CommitsAsync("feature")).Count, Old: (await world.CommitsAsync("old")).Count);

        var first = await ReviewBuild.RunAsync(world, ["SyncOpenPullRequests"]);
        var second = await ReviewBuild.RunAsync(world, ["SyncOpenPullRequests"]);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("2 open pull request(s): 1 synced, 1 without a catalog branch, 0 failed", first.Output, StringComparison.Ordinal);
        Assert.Contains("catalog branch feature does not exist, nothing to mirror", first.Output, StringComparison.Ordinal);
        Assert.Equal(before with { Dev = before.Dev + 1 },
            ((await world.CommitsAsync("dev")).Count, (await world.CommitsAsync("feature")).Count, (await world.CommitsAsync("old")).Count));
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(before.Dev + 1, (await world.CommitsAsync("dev")).Count);
        Assert.All([first, second], run => run.AssertShowsNoSecret());
    }

    [Fact(Timeout = 300_000)]
    public async Task Ctrl_C_stops_a_watch_cleanly_with_its_summary_and_a_clean_checkout()
    {
        await using var world = await ReviewWorld.StartAsync();
        var id = await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();
        var command = await world.CommentAsync(id, "!status");

        var run = await ReviewBuild.RunAndInterruptAsync(
            world, ["Watch", "--pull-request-id", id, "--watch-interval", "3600"], line => line.Contains("(reply ", StringComparison.Ordinal));

        // The runner counts a run that Ctrl-C cancelled as not succeeded (its exit code says so, as Nuke's does); the
        // watch itself ends its round and stops without an error.
        Assert.Matches(@"Watch +Succeeded +\d+:\d+ +// Outcome: Stopped", run.Output);
        Assert.Contains("Watch round 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Watch stopped", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Errors & Warnings", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Watch round 2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.Single(await world.CommentsAsync(id), c => c.InReplyTo == command);
        Assert.Equal(4, (await world.CommitsAsync("dev")).Count);
        Assert.Equal("", await world.Git.GitAsync(new LakehouseManager.Mirror.Git.GitRepository(run.Checkout, world.Git.Options), "status", "--porcelain"));
        run.AssertShowsNoSecret();
    }

    private static async Task<string> OpenAsync(ReviewWorld world, string branch)
    {
        await world.Git.GitAsync(world.Seed, "checkout", "--quiet", "-b", branch, "origin/main");
        await GitSandbox.CommitFileAsync(world.Seed, $"notes/{branch}.md", $"The {branch} work.\n", $"Notes of {branch}");
        Assert.True((await world.Seed.Remotes.PushAsync("origin", branch)).IsPushed);
        using var reviewer = world.Reviewer();
        var pullRequest = await reviewer.CreatePullRequestAsync(
            new CreatePullRequestRequest($"Views from {branch}", [new CreatePullRequestTarget(world.Repository, branch, "main")]));
        return pullRequest.PullRequestId!;
    }
}
