using System.Globalization;
using System.Text.Json;
using V = LakehouseManager.PullRequests.Events.PullRequestEventVariables;

namespace LakehouseManager.PullRequests.Events;

/// <summary>
/// Reads a CodeCommit event (api-facts §C.3) from its EventBridge envelope or from the environment variables of
/// <see cref="PullRequestEventVariables"/>. Events are told apart by <c>detail.event</c>; <c>isMerged</c> is the string
/// "True" or "False"; pull-request events name the repository in <c>repositoryNames</c>, comment events in
/// <c>repositoryName</c>; refs come as <c>refs/heads/...</c>; the time is the envelope's <c>time</c>. A malformed
/// event is a <see cref="LakehouseException"/> naming the field and what was expected; an event the tool does not act
/// on is <see cref="PullRequestEventKind.Ignored"/> with the reason. No I/O.
/// </summary>
internal static class PullRequestEventParser
{
    private const string BranchPrefix = "refs/heads/";

    /// <summary>Reads the whole envelope, as EventBridge sends it (the CodeCommit user guide's samples).</summary>
    /// <param name="json">The event.</param>
    /// <param name="source">Where it came from, for messages, e.g. "the event file 'created.json'".</param>
    public static PullRequestEvent Parse(string json, string source = "the event")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LakehouseException(
                $"{Capital(source)} is not JSON ({e.Message}): expected an EventBridge event from CodeCommit, " +
                "{\"detail-type\": ..., \"source\": \"aws.codecommit\", \"detail\": {...}}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LakehouseException($"{Capital(source)} is not a JSON object: expected an EventBridge event from CodeCommit.");
            }

            if (EventJsonPath.Evaluate(root, "$.source") is { } origin && origin != "aws.codecommit")
            {
                throw new LakehouseException(
                    $"{Capital(source)} comes from '{origin}', not from CodeCommit: expected \"source\": \"aws.codecommit\".");
            }

            var detailType = EventJsonPath.Evaluate(root, "$.detail-type");
            return Read(
                variable => detailType is null ? null : (variable.PathFor(detailType) ?? variable.PullRequestPath) is { } path
                    ? EventJsonPath.Evaluate(root, path)
                    : null,
                variable => $"'{variable.Field}' in {source}",
                source);
        }
    }

    /// <summary>Reads the variables the input transformer set (see <see cref="PullRequestEventVariables"/>).</summary>
    public static PullRequestEvent FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(environment(V.Event.Name)) && string.IsNullOrWhiteSpace(environment(V.DetailType.Name)))
        {
            throw new LakehouseException(
                $"There is no event to handle: pass --event with the event's JSON or a file holding it, or set the " +
                $"environment variables {V.Event.Name}, {V.DetailType.Name}, {V.PullRequestId.Name}, ... as the EventBridge " +
                "rule's input transformer does for CodeBuild (see the README, \"CodeCommit, EventBridge and CodeBuild\").");
        }

        return Read(
            variable => environment(variable.Name) is { Length: > 0 } value ? value : null,
            variable => $"the environment variable {variable.Name} ({variable.Field})",
            "the environment");
    }

    private static PullRequestEvent Read(
        Func<PullRequestEventVariable, string?> value, Func<PullRequestEventVariable, string> describe, string source)
    {
        var detailType = Required(V.DetailType);
        var name = Required(V.Event);
        var time = Time(value(V.Time));
        var caller = value(V.CallerArn);
        switch (detailType)
        {
            case PullRequestEvent.PullRequestStateChange when PullRequestEvent.Handled.TryGetValue(name, out var kind):
                return new PullRequestEvent(
                    name,
                    detailType,
                    kind,
                    PullRequestIdOf(Required(V.PullRequestId)),
                    Required(V.RepositoryName),
                    IsMerged: IsMerged(Required(V.IsMerged)),
                    PullRequestStatus: Status(Required(V.PullRequestStatus)),
                    SourceBranch: Branch(V.SourceReference),
                    DestinationBranch: Branch(V.DestinationReference),
                    CallerArn: caller,
                    Time: time);
            case PullRequestEvent.PullRequestStateChange:
                return Ignored(name.StartsWith("pullRequestApproval", StringComparison.Ordinal)
                    ? "approval events change no view, data test or catalog branch"
                    : $"'{name}' is not one of the pull-request events the tool acts on ({Names()})");
            case PullRequestEvent.CommentOnPullRequest when name == "commentOnPullRequestCreated":
                return new PullRequestEvent(
                    name,
                    detailType,
                    PullRequestEventKind.CommentCreated,
                    PullRequestIdOf(Required(V.PullRequestId)),
                    Required(V.RepositoryName),
                    CommentId: Required(V.CommentId),
                    CallerArn: caller,
                    Time: time);
            case PullRequestEvent.CommentOnPullRequest:
                return Ignored(name == "commentOnPullRequestUpdated"
                    ? "an edited comment does not run its command again"
                    : $"'{name}' is not one of the comment events the tool acts on (commentOnPullRequestCreated)");
            default:
                return Ignored(detailType.StartsWith("CodeCommit ", StringComparison.Ordinal)
                    ? $"'{detailType}' events are not about pull requests"
                    : throw new LakehouseException(
                        $"{describe(V.DetailType)} is '{detailType}', which is not a CodeCommit event: expected " +
                        $"'{PullRequestEvent.PullRequestStateChange}' or '{PullRequestEvent.CommentOnPullRequest}'."));
        }

        PullRequestEvent Ignored(string reason) => new(
            name, detailType, PullRequestEventKind.Ignored, value(V.PullRequestId), value(V.RepositoryName), CallerArn: caller,
            Time: time, IgnoredReason: reason);

        string Required(PullRequestEventVariable variable) =>
            value(variable) is { } text && !string.IsNullOrWhiteSpace(text)
                ? text.Trim()
                : throw new LakehouseException($"{Capital(describe(variable))} is missing or empty in {source}: a CodeCommit event always has it.");

        string PullRequestIdOf(string id) =>
            id.All(char.IsAsciiDigit) && id.Length <= 20
                ? id
                : throw new LakehouseException($"{Capital(describe(V.PullRequestId))} is '{id}': CodeCommit pull request ids are numbers.");

        bool IsMerged(string text) =>
            text.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
            : throw new LakehouseException($"{Capital(describe(V.IsMerged))} is '{text}': expected the string \"True\" or \"False\".");

        string Status(string text) =>
            text is "Open" or "Closed" or "OPEN" or "CLOSED"
                ? text
                : throw new LakehouseException($"{Capital(describe(V.PullRequestStatus))} is '{text}': expected \"Open\" or \"Closed\".");

        string? Branch(PullRequestEventVariable variable) =>
            value(variable) is not { } reference ? null
            : reference.StartsWith(BranchPrefix, StringComparison.Ordinal) && reference.Length > BranchPrefix.Length
                ? reference[BranchPrefix.Length..]
                : throw new LakehouseException($"{Capital(describe(variable))} is '{reference}': expected a branch, refs/heads/NAME.");

        DateTimeOffset? Time(string? text) =>
            text is null ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw new LakehouseException($"{Capital(describe(V.Time))} is '{text}': expected an ISO 8601 time such as 2019-02-09T07:15:16Z.");
    }

    private static string Names() => string.Join(", ", PullRequestEvent.Handled.Keys.Where(k => k.StartsWith("pullRequest", StringComparison.Ordinal)));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
