using TargetRunner.Definition;
using TargetRunner.Output;
using TargetRunner.Parameters;

namespace TargetRunner.Execution;

/// <summary>
/// Checks every <c>Requires</c> of every target that is going to run, before the first one runs, and says for a
/// missing or invalid parameter how to set it (flag, environment variable, parameters-file key); for an invalid one
/// also its value, where the value came from and what is valid.
/// </summary>
internal static class RequirementChecker
{
    /// <param name="plan">The planned targets; only scheduled ones are checked.</param>
    /// <param name="parameters">The build's parameters.</param>
    /// <param name="sources">Where each bound parameter's value came from; a parameter not in it has its default.</param>
    public static List<string> Check(
        IEnumerable<ExecutableTarget> plan,
        IReadOnlyList<ParameterMember> parameters,
        IReadOnlyDictionary<ParameterMember, string> sources)
    {
        var errors = new List<string>();
        foreach (var target in plan.Where(t => t.Status == ExecutionStatus.Scheduled))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                if (!IsMet(requirement, out var failure))
                {
                    var parameter = requirement.Member is null
                        ? null
                        : parameters.FirstOrDefault(p => p.Member.HasSameMetadataDefinitionAs(requirement.Member));
                    var text = requirement.ValidValues is null
                        ? DescribeMissing(target, requirement, parameter)
                        : DescribeInvalid(target, requirement, parameter, sources);
                    errors.Add(text + failure);
                }
            }
        }

        return errors;
    }

    private static bool IsMet(Requirement requirement, out string failure)
    {
        failure = string.Empty;
        try
        {
            return requirement.IsMet();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failure = $" (evaluating it failed: {exception.Message})";
            return false;
        }
    }

    private static string DescribeMissing(ExecutableTarget target, Requirement requirement, ParameterMember? parameter)
    {
        if (requirement.Member is null)
        {
            return $"Target '{target.Name}' requires '{requirement.Text}'.";
        }

        return parameter is null
            ? $"Target '{target.Name}' requires member '{requirement.Member.Name}' to be not null or empty."
            : $"Target '{target.Name}' requires member '{parameter.Name}' to be not null or empty: {HowToSet(parameter)}";
    }

    private static string DescribeInvalid(
        ExecutableTarget target,
        Requirement requirement,
        ParameterMember? parameter,
        IReadOnlyDictionary<ParameterMember, string> sources)
    {
        var subject = parameter is not null ? $"parameter '{parameter.Name}'"
            : requirement.Member is not null ? $"member '{requirement.Member.Name}'"
            : $"'{requirement.Text}'";
        var value = parameter is { IsSecret: true } ? RedactingWriter.Mask : ReadValue(requirement);
        var origin = parameter is null ? string.Empty
            : sources.TryGetValue(parameter, out var source) ? $" (from {source})"
            : " (the default)";
        var text = $"Target '{target.Name}' requires {subject} to be {requirement.ValidValues}, but it is {value}{origin}";
        return parameter is null ? text + "." : $"{text}: {HowToSet(parameter)}";
    }

    private static string ReadValue(Requirement requirement)
    {
        try
        {
            return ValueText.Format(requirement.ReadValue?.Invoke());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return $"unreadable ({exception.Message})";
        }
    }

    private static string HowToSet(ParameterMember parameter) =>
        $"pass {parameter.CliName} <value>, set the environment variable {parameter.EnvironmentName}, or set "
        + $"\"{parameter.Name}\" in .nuke/parameters.json.";
}
