using TargetRunner.Definition;

namespace TargetRunner.Execution;

/// <summary>
/// Marks targets skipped before anything runs (<c>--skip</c>, <c>OnlyWhenStatic</c>) and skips the execution
/// dependencies of a skipped target unless another scheduled target still needs them, they were invoked, or the
/// skipped target says <c>WhenSkipped(DependencyBehavior.Execute)</c>.
/// </summary>
internal static class Skipping
{
    /// <summary>
    /// Applies <c>--skip</c>: <paramref name="skip"/> is null when the argument is absent; empty skips every
    /// target that was not invoked; otherwise it names the targets to skip.
    /// </summary>
    public static void ApplySkipArgument(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget>? skip)
    {
        if (skip is null)
        {
            return;
        }

        var toSkip = skip.Count == 0 ? plan.Where(t => !t.IsInvoked) : plan.Where(skip.Contains);
        foreach (var target in toSkip.ToList())
        {
            MarkSkipped(target, "--skip", plan);
        }
    }

    public static void ApplyStaticConditions(IReadOnlyList<ExecutableTarget> plan)
    {
        foreach (var target in plan)
        {
            if (target.Status != ExecutionStatus.Scheduled)
            {
                continue;
            }

            var failed = target.Definition.StaticConditions.FirstOrDefault(c => !Evaluate(target, c));
            if (failed is not null)
            {
                MarkSkipped(target, failed.Text, plan);
            }
        }
    }

    public static bool Evaluate(ExecutableTarget target, Condition condition)
    {
        try
        {
            return condition.Evaluate();
        }
        catch (Exception exception) when (exception is not BuildException)
        {
            throw new BuildException(
                $"Condition '{condition.Text}' of target '{target.Name}' could not be evaluated: {exception.Message}",
                exception);
        }
    }

    public static void MarkSkipped(ExecutableTarget target, string reason, IReadOnlyList<ExecutableTarget> plan)
    {
        if (target.Status != ExecutionStatus.Scheduled)
        {
            return;
        }

        target.Status = ExecutionStatus.Skipped;
        target.SkipReason = reason;
        if (target.Definition.DependencyBehavior == DependencyBehavior.Execute)
        {
            return;
        }

        foreach (var dependency in target.ExecutionDependencies)
        {
            var stillNeeded = dependency.IsInvoked
                || plan.Any(t => t.ExecutionDependencies.Contains(dependency) && t.Status != ExecutionStatus.Skipped)
                || dependency.TriggerDependencies.Any(t => plan.Contains(t) && t.Status != ExecutionStatus.Skipped);
            if (!stillNeeded)
            {
                MarkSkipped(dependency, $"dependency of skipped target {target.Name}", plan);
            }
        }
    }
}
