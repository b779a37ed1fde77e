using System.Text.Json;
using LakehouseManager.PullRequests.Events;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// What EventBridge does with the tool's rules (api-facts §C.4): evaluates the input paths of
/// <see cref="PullRequestEventVariables.InputPathsMap"/> on the event, puts each value into the
/// <see cref="PullRequestEventVariables.InputTemplate"/> (a string with its quotes), and CodeBuild's StartBuild turns
/// the template's <c>environmentVariablesOverride</c> into the job's environment.
/// </summary>
internal static class InputTransformer
{
    /// <summary>The StartBuild body the rule's target would send for <paramref name="eventJson"/>.</summary>
    public static string StartBuildInput(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        var detailType = document.RootElement.GetProperty("detail-type").GetString()!;
        var template = PullRequestEventVariables.InputTemplate(detailType);
        foreach (var (name, path) in PullRequestEventVariables.InputPathsMap(detailType))
        {
            var value = EventJsonPath.Evaluate(document.RootElement, path);
            template = template.Replace($"<{name}>", value is null ? "null" : JsonSerializer.Serialize(value), StringComparison.Ordinal);
        }

        return template;
    }

    /// <summary>The environment a CodeBuild job started by the rule gets from the event.</summary>
    public static Func<string, string?> Environment(string eventJson)
    {
        using var input = JsonDocument.Parse(StartBuildInput(eventJson));
        var variables = input.RootElement.GetProperty("environmentVariablesOverride").EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetString(), StringComparer.Ordinal);
        return name => variables.GetValueOrDefault(name);
    }
}
