using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Aws.EventBridge.Operations;
using LakehouseManager.Deployment;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Deploy;

/// <summary>
/// Deploy (issue 12): makes the CodeBuild project and the EventBridge rules of <see cref="LakehouseStack"/> exist as
/// defined, through CodeBuild CreateProject/UpdateProject and EventBridge PutRule/PutTargets. It reads what exists
/// first and calls nothing for a resource that is already as defined, so a second run changes nothing and says so; a
/// dry run only reads.
/// </summary>
internal sealed class StackDeployer(CodeBuildClient codeBuild, EventBridgeClient events, ILogger logger)
{
    public async Task<DeployOutcome> DeployAsync(StackSettings settings, bool dryRun, CancellationToken cancellationToken)
    {
        var project = LakehouseStack.Project(settings);
        var rules = LakehouseStack.Rules(settings);
        var changes = new List<StackChange>();

        var existing = (await codeBuild.BatchGetProjectsAsync([project.Name], cancellationToken).ConfigureAwait(false)).Projects
            .FirstOrDefault(p => p.Name == project.Name);
        var projectChange = existing is null
            ? new StackChange($"CodeBuild project {project.Name}", StackChangeKind.Create, [])
            : Change($"CodeBuild project {project.Name}", StackComparer.Compare(project, existing));
        changes.Add(projectChange);
        foreach (var rule in rules)
        {
            changes.Add(await RuleChangeAsync(rule, cancellationToken).ConfigureAwait(false));
        }

        foreach (var change in changes)
        {
            logger.LogInformation("{Change}", dryRun && change.Kind != StackChangeKind.None ? $"{change} [dry run: not done]" : change.ToString());
        }

        if (dryRun)
        {
            return new DeployOutcome(changes, Applied: false);
        }

        switch (projectChange.Kind)
        {
            case StackChangeKind.Create:
                await codeBuild.CreateProjectAsync(project, cancellationToken).ConfigureAwait(false);
                break;
            case StackChangeKind.Update:
                await codeBuild.UpdateProjectAsync(project, cancellationToken).ConfigureAwait(false);
                break;
        }

        foreach (var (rule, change) in rules.Zip(changes.Skip(1)))
        {
            if (change.Kind != StackChangeKind.None)
            {
                await PutRuleAsync(rule, cancellationToken).ConfigureAwait(false);
            }
        }

        return new DeployOutcome(changes, Applied: true);
    }

    private async Task<StackChange> RuleChangeAsync(StackRule rule, CancellationToken cancellationToken)
    {
        var name = $"EventBridge rule {rule.Name}";
        EventBridgeRule actual;
        try
        {
            actual = await events.DescribeRuleAsync(new DescribeRuleRequest(rule.Name), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return new StackChange(name, StackChangeKind.Create, []);
        }

        EventBridgeTarget? target = null;
        await foreach (var candidate in events.GetTargetsAsync(new ListTargetsByRuleRequest(rule.Name), cancellationToken).ConfigureAwait(false))
        {
            if (candidate.Id == StackRule.TargetId)
            {
                target = candidate;
            }
        }

        return Change(name, StackComparer.Compare(rule, actual, target));
    }

    private async Task PutRuleAsync(StackRule rule, CancellationToken cancellationToken)
    {
        await events.PutRuleAsync(
            new PutRuleRequest(rule.Name)
            {
                EventPattern = rule.EventPattern,
                ScheduleExpression = rule.ScheduleExpression,
                State = "ENABLED",
                Description = rule.Description,
            },
            cancellationToken).ConfigureAwait(false);
        var result = await events.PutTargetsAsync(new PutTargetsRequest(rule.Name, [rule.Target]), cancellationToken).ConfigureAwait(false);
        if (result.FailedEntryCount > 0)
        {
            var failure = result.FailedEntries[0];
            throw new LakehouseException(
                $"EventBridge refused the target of rule {rule.Name}: {failure.ErrorCode} ({failure.ErrorMessage}). Check that " +
                "the events role may call codebuild:StartBuild on the project and is trusted by events.amazonaws.com.");
        }
    }

    private static StackChange Change(string resource, IReadOnlyList<string> differences) =>
        new(resource, differences.Count == 0 ? StackChangeKind.None : StackChangeKind.Update, differences);
}
