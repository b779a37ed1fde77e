using LakehouseManager.PullRequests.Events;

namespace LakehouseManager.Pipeline.Events;

/// <summary>
/// Where HandlePullRequestEvent reads its event: <c>--event</c> as the event's JSON or as a file holding it, else the
/// environment variables the EventBridge input transformer sets for CodeBuild.
/// </summary>
public static class PullRequestEventSource
{
    public static PullRequestEvent Read(string? argument, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(argument))
        {
            return PullRequestEventParser.FromEnvironment(environment);
        }

        var text = argument.Trim();
        if (text.StartsWith('{'))
        {
            return PullRequestEventParser.Parse(text, "the event given with --event");
        }

        var path = Path.GetFullPath(text);
        if (!File.Exists(path))
        {
            throw new LakehouseException(
                $"--event '{text}' is neither an event's JSON (it would start with '{{') nor a file that exists: give the " +
                "EventBridge event itself or the path of a file holding it.");
        }

        return PullRequestEventParser.Parse(File.ReadAllText(path), $"the event file '{path}'");
    }
}
