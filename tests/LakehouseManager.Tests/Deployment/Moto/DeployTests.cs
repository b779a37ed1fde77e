using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Aws.EventBridge.Operations;
using LakehouseManager.Deployment;
using LakehouseManager.Pipeline.Deploy;
using LakehouseManager.Tests.Aws;
using LakehouseManager.Tests.Aws.Moto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LakehouseManager.Tests.Deployment.Moto;

/// <summary>
/// Deploy against moto: it creates the project and the three rules, a second run reads them, finds them as defined
/// and writes nothing, and a dry run only reads. moto 5.2.1 has no CodeBuild UpdateProject (it answers HTTP 500), so
/// an update is shown through the dry run's plan, which is what decides whether UpdateProject is called.
/// </summary>
[Collection(nameof(MotoCollection))]
public sealed class DeployTests(MotoServer moto)
{
    private static readonly string[] s_writes = ["CreateProject", "UpdateProject", "PutRule", "PutTargets"];

    [Fact(Timeout = 60_000)]
    public async Task The_first_run_creates_the_project_and_the_rules_and_the_second_changes_nothing_and_says_so()
    {
        var settings = StackSamples.Settings($"lakehouse-{Guid.NewGuid():N}");
        using var recorder = new RecordingHandler();

        var first = await DeployAsync(settings, dryRun: false, recorder);
        var writesBefore = Writes(recorder);
        var second = await DeployAsync(settings, dryRun: false, recorder);

        Assert.All(first.Changes, c => Assert.Equal(StackChangeKind.Create, c.Kind));
        Assert.Equal(4, first.Changes.Count);
        Assert.True(second.Unchanged, string.Join("; ", second.Changes));
        Assert.StartsWith("Nothing to change", second.Summary, StringComparison.Ordinal);
        Assert.Equal(writesBefore, Writes(recorder));
        Assert.Equal(["CreateProject", "PutRule", "PutTargets", "PutRule", "PutTargets", "PutRule", "PutTargets"], writesBefore);
        using var codeBuild = new CodeBuildClient(moto.Connection());
        var project = Assert.Single((await codeBuild.BatchGetProjectsAsync([settings.ProjectName])).Projects);
        Assert.Contains(project.Environment.EnvironmentVariables, v => v is { Name: "PAT_SECRET_NAME", Value: "lakehouse/dremio-pat" });
        Assert.Equal(settings.Buildspec, project.Source.Buildspec);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_reads_and_writes_nothing()
    {
        var settings = StackSamples.Settings($"lakehouse-{Guid.NewGuid():N}");
        using var recorder = new RecordingHandler();

        var outcome = await DeployAsync(settings, dryRun: true, recorder);

        Assert.False(outcome.Applied);
        Assert.All(outcome.Changes, c => Assert.Equal(StackChangeKind.Create, c.Kind));
        Assert.Empty(Writes(recorder));
        using var events = new EventBridgeClient(moto.Connection());
        var error = await Assert.ThrowsAsync<LakehouseManager.Aws.AwsServiceException>(
            () => events.DescribeRuleAsync(new DescribeRuleRequest(LakehouseStack.PullRequestRuleName(settings.ProjectName))));
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_changed_setting_is_planned_as_an_update_of_that_resource_only()
    {
        var settings = StackSamples.Settings($"lakehouse-{Guid.NewGuid():N}");
        await DeployAsync(settings, dryRun: false, null);

        var outcome = await DeployAsync(settings with { TestsPath = "tests/other.yaml", Schedule = "rate(15 minutes)" }, dryRun: true, null);

        var changed = outcome.Changes.Where(c => c.Kind != StackChangeKind.None).ToList();
        Assert.Equal(2, changed.Count);
        Assert.Equal(StackChangeKind.Update, changed[0].Kind);
        Assert.Equal(["environment variable TESTS_PATH: 'tests/data-tests.yaml' → 'tests/other.yaml'"], changed[0].Differences);
        Assert.Equal($"EventBridge rule {LakehouseStack.ScheduleRuleName(settings.ProjectName)}", changed[1].Resource);
        Assert.Equal(["schedule: 'rate(5 minutes)' → 'rate(15 minutes)'"], changed[1].Differences);
    }

    private async Task<DeployOutcome> DeployAsync(StackSettings settings, bool dryRun, RecordingHandler? recorder)
    {
        using var codeBuild = new CodeBuildClient(moto.Connection(recorder));
        using var events = new EventBridgeClient(moto.Connection(recorder));
        return await new StackDeployer(codeBuild, events, NullLogger.Instance).DeployAsync(settings, dryRun, CancellationToken.None);
    }

    private static List<string> Writes(RecordingHandler recorder) =>
        recorder.Requests.Select(r => r.Headers["X-Amz-Target"].Split('.')[1]).Where(s_writes.Contains).ToList();
}
