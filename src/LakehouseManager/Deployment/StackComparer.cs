using System.Text.Json.Nodes;
using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.EventBridge;

namespace LakehouseManager.Deployment;

/// <summary>
/// Compares what is deployed with <see cref="LakehouseStack"/>'s definition, member by member, and says what differs
/// in words. Only the members the definition sets count: AWS adds members of its own (ARNs, dates, defaults). No I/O.
/// </summary>
internal static class StackComparer
{
    public static IReadOnlyList<string> Compare(CodeBuildProject wanted, CodeBuildProject actual)
    {
        var differences = new List<string>();
        Member(differences, "description", wanted.Description, actual.Description);
        Member(differences, "source type", wanted.Source.Type, actual.Source.Type);
        Member(differences, "source location", wanted.Source.Location, actual.Source.Location);
        Member(differences, "clone depth", Depth(wanted.Source.GitCloneDepth), Depth(actual.Source.GitCloneDepth));
        if (!string.Equals(Lines(wanted.Source.Buildspec), Lines(actual.Source.Buildspec), StringComparison.Ordinal))
        {
            differences.Add("buildspec: differs from buildspec.yml");
        }

        Member(differences, "artifacts", wanted.Artifacts.Type, actual.Artifacts.Type);
        Member(differences, "environment type", wanted.Environment.Type, actual.Environment.Type);
        Member(differences, "image", wanted.Environment.Image, actual.Environment.Image);
        Member(differences, "compute type", wanted.Environment.ComputeType, actual.Environment.ComputeType);
        Member(differences, "service role", wanted.ServiceRole, actual.ServiceRole);
        Member(differences, "timeout in minutes", wanted.TimeoutInMinutes?.ToString(), actual.TimeoutInMinutes?.ToString());
        var have = actual.Environment.EnvironmentVariables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var variable in wanted.Environment.EnvironmentVariables)
        {
            if (!have.Remove(variable.Name, out var current))
            {
                differences.Add($"environment variable {variable.Name}: add '{variable.Value}'");
            }
            else if (current.Value != variable.Value || (current.Type ?? CodeBuildEnvironmentVariable.Plaintext) != variable.Type)
            {
                differences.Add($"environment variable {variable.Name}: '{current.Value}' → '{variable.Value}'");
            }
        }

        differences.AddRange(have.Keys.Order(StringComparer.Ordinal).Select(name => $"environment variable {name}: remove"));
        return differences;
    }

    public static IReadOnlyList<string> Compare(StackRule wanted, EventBridgeRule actual, EventBridgeTarget? target)
    {
        var differences = new List<string>();
        if (!JsonEquals(wanted.EventPattern, actual.EventPattern))
        {
            differences.Add("event pattern");
        }

        Member(differences, "schedule", wanted.ScheduleExpression, actual.ScheduleExpression);
        Member(differences, "state", "ENABLED", actual.State);
        Member(differences, "description", wanted.Description, actual.Description);
        if (target is null)
        {
            differences.Add($"target {StackRule.TargetId}: add");
            return differences;
        }

        Member(differences, $"target {StackRule.TargetId} project", wanted.Target.Arn, target.Arn);
        Member(differences, $"target {StackRule.TargetId} role", wanted.Target.RoleArn, target.RoleArn);
        if (!JsonEquals(wanted.Target.Input, target.Input))
        {
            differences.Add($"target {StackRule.TargetId} input");
        }

        var paths = wanted.Target.InputTransformer?.InputPathsMap ?? new Dictionary<string, string>();
        var actualPaths = target.InputTransformer?.InputPathsMap ?? new Dictionary<string, string>();
        if (wanted.Target.InputTransformer?.InputTemplate != target.InputTransformer?.InputTemplate ||
            paths.Count != actualPaths.Count || paths.Any(p => !actualPaths.TryGetValue(p.Key, out var path) || path != p.Value))
        {
            differences.Add($"target {StackRule.TargetId} input transformer");
        }

        return differences;
    }

    private static void Member(List<string> differences, string name, string? wanted, string? actual)
    {
        if (!string.Equals(wanted ?? "", actual ?? "", StringComparison.Ordinal))
        {
            differences.Add($"{name}: '{actual}' → '{wanted}'");
        }
    }

    // CodeBuild may leave out a full clone's depth of 0.
    private static string Depth(int? depth) => (depth ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Lines(string? text) => (text ?? "").ReplaceLineEndings("\n").TrimEnd();

    private static bool JsonEquals(string? wanted, string? actual) =>
        wanted is null || actual is null ? wanted is null && actual is null : JsonNode.DeepEquals(JsonNode.Parse(wanted), JsonNode.Parse(actual));
}
