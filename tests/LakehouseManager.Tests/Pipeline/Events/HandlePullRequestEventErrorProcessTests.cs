using LakehouseManager.Tests.PullRequests.Events;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// <c>./build.sh HandlePullRequestEvent</c> in a process of its own, as a CodeBuild job meets the unusual: a malformed
/// event, an event of another repository, expired credentials, and the event given only as the variables the
/// EventBridge rule sets. Each error stops the build with a sentence naming what was wrong, no .NET type name or stack
/// text, and no secret.
/// </summary>
public sealed class HandlePullRequestEventErrorProcessTests
{
    [Fact(Timeout = 300_000)]
    public async Task A_malformed_event_file_stops_the_build_naming_the_field_and_what_is_valid()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");
        var file = world.Git.Combine("malformed.json");
        await File.WriteAllTextAsync(
            file, SampleEvents.Read("pullRequestCreated").Replace("\"isMerged\": \"False\"", "\"isMerged\": \"no\"", StringComparison.Ordinal));

        var run = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent", "--event", file]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(
            $"'detail.isMerged' in the event file '{file}' is 'no': expected the string \"True\" or \"False\".", run.Output, StringComparison.Ordinal);
        AssertPlainAndSecretFree(run);
    }

    [Fact(Timeout = 300_000)]
    public async Task Text_that_is_neither_an_event_nor_a_file_stops_the_build_saying_what_to_give()
    {
        await using var world = await ReviewWorld.StartAsync();

        var run = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent", "--event", "created.json"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(
            "--event 'created.json' is neither an event's JSON (it would start with '{') nor a file that exists", run.Output, StringComparison.Ordinal);
        AssertPlainAndSecretFree(run);
    }

    [Fact(Timeout = 300_000)]
    public async Task An_event_of_another_repository_stops_the_build_naming_both_repositories()
    {
        await using var world = await ReviewWorld.StartAsync(branch: "test-branch");
        await world.OpenPullRequestAsync();

        var run = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent", "--event", SampleEvents.PathOf("pullRequestCreated")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(
            "The event pullRequestCreated (pull request 1 of MyDemoRepo) is about repository 'MyDemoRepo', but this pipeline is for 'mirror' " +
            "(--repo-name): check the EventBridge rule's repository filter.",
            run.Output,
            StringComparison.Ordinal);
        Assert.Equal(3, (await world.CommitsAsync("test-branch")).Count);
        AssertPlainAndSecretFree(run);
    }

    [Fact(Timeout = 300_000)]
    public async Task Expired_credentials_stop_the_build_saying_what_to_refresh()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");
        await world.OpenPullRequestAsync();
        world.Fake.FailNextCalls(1, "ExpiredTokenException", 400);

        var run = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent", "--event", SampleEvents.PathOf("pullRequestCreated")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("the AWS credentials have expired: refresh them", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await world.CommitsAsync("test-branch")).Count);
        AssertPlainAndSecretFree(run);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_variables_the_rule_sets_drive_the_run_as_in_CodeBuild_and_an_edited_comment_is_ignored()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");
        await world.OpenPullRequestAsync();
        await world.ChangeCatalogAsync();
        var created = InputTransformer.Environment(SampleEvents.Read("pullRequestCreated"));
        var edited = InputTransformer.Environment(SampleEvents.Read("commentOnPullRequestUpdated"));
        var createdVariables = Variables(created);
        var editedVariables = Variables(edited);

        var synced = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent"], createdVariables);
        var ignored = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent"], editedVariables);
        var none = await ReviewBuild.RunAsync(world, ["HandlePullRequestEvent"]);

        Assert.Equal(10, createdVariables.Count);
        Assert.True(synced.ExitCode == 0, synced.Output);
        Assert.Contains("mirror commit", synced.Output, StringComparison.Ordinal);
        Assert.Equal(4, (await world.CommitsAsync("test-branch")).Count);
        Assert.True(ignored.ExitCode == 0, ignored.Output);
        Assert.Contains("Ignored commentOnPullRequestUpdated", ignored.Output, StringComparison.Ordinal);
        Assert.Contains("an edited comment does not run its command again", ignored.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("There is no event to handle: pass --event", none.Output, StringComparison.Ordinal);
        AssertPlainAndSecretFree(synced, ignored, none);
    }

    private static Dictionary<string, string?> Variables(Func<string, string?> environment) =>
        LakehouseManager.PullRequests.Events.PullRequestEventVariables.All
            .Where(v => environment(v.Name) is not null)
            .ToDictionary(v => v.Name, v => environment(v.Name), StringComparer.Ordinal);

    private static void AssertPlainAndSecretFree(params ReviewBuildRun[] runs)
    {
        foreach (var run in runs)
        {
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("LakehouseException", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("AwsServiceException", run.Output, StringComparison.Ordinal);
            run.AssertShowsNoSecret();
        }
    }
}
