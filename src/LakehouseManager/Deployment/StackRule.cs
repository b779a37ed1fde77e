using LakehouseManager.Aws.EventBridge;

namespace LakehouseManager.Deployment;

/// <summary>
/// One EventBridge rule of the deployment and its one target, the CodeBuild project: an event pattern with an input
/// transformer (CodeCommit events), or a schedule with a constant input (<c>SyncOpenPullRequests</c>).
/// </summary>
internal sealed record StackRule(string Name, string Description, string? EventPattern, string? ScheduleExpression, EventBridgeTarget Target)
{
    /// <summary>The id of the rule's CodeBuild target, in Deploy and in the template.</summary>
    public const string TargetId = "codebuild";
}
