using LakehouseManager.Tests.Aws.CodeCommit;
using LakehouseManager.Tests.PullRequests.Events;
using LakehouseManager.Tests.Support;
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
    private const string DremioPat = "dremio-pat-0b9c77e1f5a2";

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
        AssertNoSecrets(world, created, merged, again);
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
        AssertNoSecrets(world, result, repeated);
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
        AssertNoSecrets(world, approval, missing);
    }

    private static async Task<(int ExitCode, string Output, string Artifacts)> RunAsync(ReviewWorld world, string sample)
    {
        var (checkout, artifacts) = world.NewJob();
        var result = await BuildProcess.RunAsync(
            [
                "HandlePullRequestEvent", "--event", SampleEvents.PathOf(sample),
                "--pr-host", "codecommit", "--repo-name", world.Repository, "--bot-arn", ReviewWorld.BotRole,
                "--aws-region", world.Fake.Region, "--aws-endpoint-url", world.Fake.BaseAddress.ToString(),
                "--catalog-path", world.CatalogPath, "--repo-path", checkout, "--mirror-path", "views",
                "--artifacts-path", artifacts, "--tests-path", ReviewWorld.TestsPath,
            ],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = CodeCommitWorld.Bot.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = CodeCommitWorld.Bot.SecretAccessKey,
                ["DREMIO_PAT"] = DremioPat,
                ["AWS_REGION"] = null,
                ["AWS_PROFILE"] = null,
            });
        return (result.ExitCode, result.StandardOutput + result.StandardError, artifacts);
    }

    private static void AssertNoSecrets(ReviewWorld world, params (int ExitCode, string Output, string Artifacts)[] runs)
    {
        foreach (var (_, output, artifacts) in runs)
        {
            var texts = Directory.Exists(artifacts)
                ? Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(output)
                : [output];
            foreach (var text in texts)
            {
                Assert.DoesNotContain(CodeCommitWorld.Bot.SecretAccessKey, text, StringComparison.Ordinal);
                Assert.DoesNotContain(DremioPat, text, StringComparison.Ordinal);
            }
        }

        _ = world;
    }
}
