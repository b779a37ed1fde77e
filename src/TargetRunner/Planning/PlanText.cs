using System.Text;
using TargetRunner.Definition;

namespace TargetRunner.Planning;

/// <summary>The headless <c>--plan</c>: the order of the plan and why each target is in it.</summary>
internal static class PlanText
{
    public static string Render(IReadOnlyList<ExecutableTarget> plan)
    {
        var builder = new StringBuilder();
        builder.AppendLine($"Execution plan ({plan.Count} target{(plan.Count == 1 ? string.Empty : "s")}):");
        builder.AppendLine();
        var width = Math.Max(plan.Count == 0 ? 0 : plan.Max(t => t.Name.Length), 20);
        var numberWidth = plan.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(numberWidth);
            builder.AppendLine($"  {number}. {target.Name.PadRight(width)}  {Reason(target, plan)}");
        }

        return builder.ToString();
    }

    /// <summary>Why a target is scheduled: invoked, default, a dependency of others, or triggered by others.</summary>
    public static string Reason(ExecutableTarget target, IReadOnlyList<ExecutableTarget> plan)
    {
        var reasons = new List<string>();
        if (target.IsInvoked)
        {
            reasons.Add(target.IsDefault ? "default target" : "invoked");
        }

        var dependents = plan.Where(t => t.ExecutionDependencies.Contains(target)).Select(t => t.Name).ToList();
        if (dependents.Count > 0)
        {
            reasons.Add($"dependency of {string.Join(", ", dependents)}");
        }

        var triggers = target.TriggerDependencies.Where(plan.Contains).Select(t => t.Name).ToList();
        if (triggers.Count > 0)
        {
            reasons.Add($"triggered by {string.Join(", ", triggers)}");
        }

        if (target.Status == ExecutionStatus.Skipped)
        {
            reasons.Add($"skipped ({target.SkipReason})");
        }

        return string.Join("; ", reasons);
    }
}
