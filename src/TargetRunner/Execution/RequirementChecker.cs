using TargetRunner.Definition;
using TargetRunner.Parameters;

namespace TargetRunner.Execution;

/// <summary>
/// Checks every <c>Requires</c> of every target that is going to run, before the first one runs, and says for a
/// missing parameter how to set it (flag, environment variable, parameters-file key).
/// </summary>
internal static class RequirementChecker
{
    public static List<string> Check(IEnumerable<ExecutableTarget> plan, IReadOnlyList<ParameterMember> parameters)
    {
        var errors = new List<string>();
        foreach (var target in plan.Where(t => t.Status == ExecutionStatus.Scheduled))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                if (!IsMet(requirement, out var failure))
                {
                    errors.Add(Describe(target, requirement, parameters) + failure);
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
            failure = $" (evaluating it threw {exception.GetType().Name}: {exception.Message})";
            return false;
        }
    }

    private static string Describe(ExecutableTarget target, Requirement requirement, IReadOnlyList<ParameterMember> parameters)
    {
        if (requirement.Member is null)
        {
            return $"Target '{target.Name}' requires '{requirement.Text}'.";
        }

        var parameter = parameters.FirstOrDefault(p => p.Member.HasSameMetadataDefinitionAs(requirement.Member));
        return parameter is null
            ? $"Target '{target.Name}' requires member '{requirement.Member.Name}' to be not null or empty."
            : $"Target '{target.Name}' requires member '{parameter.Name}' to be not null or empty: pass "
              + $"{parameter.CliName} <value>, set the environment variable {parameter.EnvironmentName}, or set "
              + $"\"{parameter.Name}\" in .nuke/parameters.json.";
    }
}
