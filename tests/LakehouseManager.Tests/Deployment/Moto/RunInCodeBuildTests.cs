using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Deployment;
using LakehouseManager.Pipeline.Deploy;
using LakehouseManager.Tests.Aws;
using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;
using MotoServer = LakehouseManager.Tests.Aws.Moto.MotoServer;

namespace LakehouseManager.Tests.Deployment.Moto;

/// <summary>
/// RunInCodeBuild's build follower: against moto (whose builds end SUCCEEDED at the first BatchGetBuilds, all phases
/// at once), and against a scripted CodeBuild for what moto cannot do: a build that is still running at the first
/// look, then fails. The poll interval is waited on the injected clock.
/// </summary>
[Collection(nameof(MotoCollection))]
public sealed class RunInCodeBuildTests(MotoServer moto)
{
    [Fact(Timeout = 60_000)]
    public async Task A_build_starts_with_the_target_and_parameters_as_variables_and_its_phases_are_printed_until_it_succeeds()
    {
        var settings = StackSamples.Settings($"lakehouse-{Guid.NewGuid():N}");
        using (var setup = new CodeBuildClient(moto.Connection()))
        {
            await setup.CreateProjectAsync(LakehouseStack.Project(settings));
        }

        using var recorder = new RecordingHandler();
        using var codeBuild = new CodeBuildClient(moto.Connection(recorder));
        var clock = new WaitingClock();
        var log = new ListLogger();
        var request = RemoteBuildRequest.FromArguments(
            "RunDataTests", ["RunInCodeBuild", "--remote-target", "RunDataTests", "--pull-request-id", "12"],
            new HashSet<string> { "remote-target" }, new HashSet<string>());

        var run = new BuildFollower(codeBuild, clock, TimeSpan.FromSeconds(10), log).RunAsync(settings.ProjectName, request, null, CancellationToken.None);
        var waits = await clock.RunAsync(run);
        var outcome = await run;

        Assert.True(outcome.Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(10)], waits);
        using var start = JsonDocument.Parse(recorder.Requests[0].Body);
        Assert.Equal(
            ["LAKEHOUSE_TARGET=RunDataTests", "PULL_REQUEST_ID=12"],
            start.RootElement.GetProperty("environmentVariablesOverride").EnumerateArray()
                .Select(v => $"{v.GetProperty("name").GetString()}={v.GetProperty("value").GetString()}"));
        Assert.Contains(log.Lines, l => l.StartsWith("  BUILD", StringComparison.Ordinal) && l.Contains("SUCCEEDED", StringComparison.Ordinal));
        Assert.Single(log.Lines, l => l.StartsWith("  COMPLETED", StringComparison.Ordinal));
        Assert.EndsWith("ended SUCCEEDED" + (outcome.LogsLink is null ? "" : $"; logs: {outcome.LogsLink}"), log.Lines[^1], StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_build_that_fails_after_running_a_while_is_followed_to_its_end_and_reported_failed()
    {
        using var codeBuild = new CodeBuildClient(new AwsConnection(
            AwsSettings.For("us-east-1", new Uri("http://127.0.0.1:9/")), AwsCredentialSource.Fixed(new BasicAWSCredentials("testing", "testing")))
        {
            Handler = new ScriptedCodeBuild(),
            Resilience = AwsTestKit.OneQuickRetry,
        });
        var clock = new WaitingClock();
        var log = new ListLogger();
        var request = new RemoteBuildRequest("RunDataTests", [new("LAKEHOUSE_TARGET", "RunDataTests")]);

        var run = new BuildFollower(codeBuild, clock, TimeSpan.FromSeconds(7), log).RunAsync("lakehouse-manager", request, "refs/heads/dev", CancellationToken.None);
        var waits = await clock.RunAsync(run);
        var outcome = await run;

        Assert.False(outcome.Succeeded);
        Assert.Equal("FAILED", outcome.Status);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], waits);
        Assert.Equal(
            ["  SUBMITTED        SUCCEEDED (0 s)", "  QUEUED           SUCCEEDED (1 s)", "  PROVISIONING     SUCCEEDED (20 s)",
             "  BUILD            FAILED (42 s): COMMAND_EXECUTION_ERROR: exit status 1"],
            log.Lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)));
    }

    /// <summary>CodeBuild's StartBuild, then BatchGetBuilds answering "in progress" once and "failed" the next time.</summary>
    private sealed class ScriptedCodeBuild : HttpMessageHandler
    {
        private int _looks;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.Headers.GetValues("X-Amz-Target").Single();
            var body = target.EndsWith(".StartBuild", StringComparison.Ordinal)
                ? $$"""{"build": {{Build("IN_PROGRESS", Phase("SUBMITTED", "SUCCEEDED", 0), """{"phaseType":"QUEUED"}""")}}}"""
                : ++_looks == 1
                    ? $$"""{"builds": [{{Build("IN_PROGRESS", Phase("SUBMITTED", "SUCCEEDED", 0), Phase("QUEUED", "SUCCEEDED", 1), """{"phaseType":"PROVISIONING"}""")}}]}"""
                    : $$"""{"builds": [{{Build("FAILED", Phase("SUBMITTED", "SUCCEEDED", 0), Phase("QUEUED", "SUCCEEDED", 1), Phase("PROVISIONING", "SUCCEEDED", 20),
                        """{"phaseType":"BUILD","phaseStatus":"FAILED","durationInSeconds":42,"contexts":[{"statusCode":"COMMAND_EXECUTION_ERROR","message":"COMMAND_EXECUTION_ERROR: exit status 1"}]}""")}}]}""";
            await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        }

        private static string Build(string status, params string[] phases) =>
            $$"""{"id":"lakehouse-manager:0b1c","buildStatus":"{{status}}","buildComplete":{{(status == "IN_PROGRESS" ? "false" : "true")}},"phases":[{{string.Join(",", phases)}}]}""";

        private static string Phase(string type, string status, int seconds) =>
            $$"""{"phaseType":"{{type}}","phaseStatus":"{{status}}","durationInSeconds":{{seconds}}}""";
    }
}

/// <summary>A logger that keeps each formatted line.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add(formatter(state, exception));
        }
    }
}
