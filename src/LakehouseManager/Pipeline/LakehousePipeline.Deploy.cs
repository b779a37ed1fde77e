using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Deployment;
using LakehouseManager.Pipeline.Deploy;

namespace LakehouseManager.Pipeline;

/// <summary>Deploying and running the tool in AWS (issue 12): Deploy and RunInCodeBuild.</summary>
public sealed partial class LakehousePipeline
{
    /// <summary>
    /// Deploy: creates or updates the CodeBuild project and the EventBridge rules of <see cref="LakehouseStack"/>;
    /// with <paramref name="dryRun"/> it only says what would change.
    /// </summary>
    public async Task<DeployOutcome> DeployAsync(StackSettings settings, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var codeBuild = new CodeBuildClient(_lakehouse.Aws);
        using var events = new EventBridgeClient(_lakehouse.Aws);
        return await new StackDeployer(codeBuild, events, _logger).DeployAsync(settings, dryRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// RunInCodeBuild: starts a build of <paramref name="projectName"/> that runs <paramref name="request"/>'s target
    /// with its variables, follows its phases every <paramref name="pollInterval"/>, and returns how it ended.
    /// </summary>
    public async Task<RemoteBuildOutcome> RunInCodeBuildAsync(
        string projectName, RemoteBuildRequest request, string? sourceVersion, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var codeBuild = new CodeBuildClient(_lakehouse.Aws);
        return await new BuildFollower(codeBuild, _lakehouse.TimeProvider, pollInterval, _logger)
            .RunAsync(projectName, request, sourceVersion, cancellationToken).ConfigureAwait(false);
    }
}
