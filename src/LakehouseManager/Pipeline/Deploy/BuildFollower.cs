using System.Globalization;
using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.CodeBuild.Operations;
using LakehouseManager.Deployment;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Deploy;

/// <summary>
/// RunInCodeBuild (issue 12): starts a build of the project with the request's environment overrides, then follows it
/// through BatchGetBuilds every <paramref name="interval"/> on the injected clock, printing each phase once it ends,
/// until the build completes.
/// </summary>
internal sealed class BuildFollower(CodeBuildClient codeBuild, TimeProvider clock, TimeSpan interval, ILogger logger)
{
    public async Task<RemoteBuildOutcome> RunAsync(
        string projectName, RemoteBuildRequest request, string? sourceVersion, CancellationToken cancellationToken)
    {
        var started = await codeBuild.StartBuildAsync(
            new StartBuildRequest(projectName)
            {
                SourceVersion = sourceVersion,
                EnvironmentVariablesOverride = request.Variables.Select(v => new CodeBuildEnvironmentVariable(v.Key, v.Value)).ToList(),
            },
            cancellationToken).ConfigureAwait(false);
        var id = started.Id ?? throw new LakehouseException($"CodeBuild started a build of {projectName} but gave no build id.");
        logger.LogInformation("Started build {Id} of {Project}: {Target}", id, projectName, request.Target);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var build = started;
        while (true)
        {
            Report(build, reported);
            if (build.BuildComplete || (build.BuildStatus is { } status && status != CodeBuildBuild.InProgress))
            {
                break;
            }

            await Task.Delay(interval, clock, cancellationToken).ConfigureAwait(false);
            var answer = await codeBuild.BatchGetBuildsAsync([id], cancellationToken).ConfigureAwait(false);
            build = answer.Builds.FirstOrDefault(b => b.Id == id)
                ?? throw new LakehouseException($"CodeBuild no longer knows the build {id}: it may have been deleted.");
        }

        var outcome = new RemoteBuildOutcome(id, build.BuildStatus ?? "UNKNOWN", build.LogsDeepLink);
        logger.LogInformation("Build {Id} ended {Status}{Logs}", id, outcome.Status, outcome.LogsLink is null ? "" : $"; logs: {outcome.LogsLink}");
        return outcome;
    }

    private void Report(CodeBuildBuild build, HashSet<string> reported)
    {
        // moto and CodeBuild list each phase once it has begun; a phase is reported when it has ended, once.
        foreach (var phase in build.Phases)
        {
            if (phase.PhaseType is not { } type || (phase.PhaseStatus is null && type != "COMPLETED") || !reported.Add(type))
            {
                continue;
            }

            var duration = phase.DurationInSeconds is { } seconds ? $" ({seconds.ToString(CultureInfo.InvariantCulture)} s)" : "";
            var context = phase.Contexts.FirstOrDefault(c => !string.IsNullOrEmpty(c.Message))?.Message;
            logger.LogInformation("  {Phase,-16} {Status}{Duration}{Context}", type, phase.PhaseStatus ?? "", duration, context is null ? "" : $": {context}");
        }
    }
}
