using System.Text;
using System.Text.Json;

namespace LakehouseManager.PullRequests.Events;

/// <summary>
/// The one definition of how a CodeCommit event reaches <c>HandlePullRequestEvent</c> in CodeBuild (design §6,
/// api-facts §C.4): the EventBridge rules' event patterns, and their input transformers, which call CodeBuild's
/// <c>StartBuild</c> with each field of <see cref="All"/> as an environment variable. The parser reads the same
/// variables, and the README, the CloudFormation template and Deploy are made from these definitions, so they
/// cannot drift apart. No I/O.
/// </summary>
/// <remarks>
/// Only fields that every event of a detail-type carries are mapped: EventBridge cannot fill a placeholder whose path
/// is missing from the event, and StartBuild refuses an environment variable without a value. The names start with
/// <c>CODECOMMIT_</c> so that none binds a build parameter by accident (parameters bind from environment variables).
/// </remarks>
internal static class PullRequestEventVariables
{
    public static PullRequestEventVariable Event { get; } = new("CODECOMMIT_EVENT", "$.detail.event", "$.detail.event");

    public static PullRequestEventVariable DetailType { get; } = new("CODECOMMIT_DETAIL_TYPE", "$.detail-type", "$.detail-type");

    public static PullRequestEventVariable Time { get; } = new("CODECOMMIT_EVENT_TIME", "$.time", "$.time");

    public static PullRequestEventVariable PullRequestId { get; } =
        new("CODECOMMIT_PULL_REQUEST_ID", "$.detail.pullRequestId", "$.detail.pullRequestId");

    public static PullRequestEventVariable RepositoryName { get; } =
        new("CODECOMMIT_REPOSITORY_NAME", "$.detail.repositoryNames[0]", "$.detail.repositoryName");

    public static PullRequestEventVariable CallerArn { get; } =
        new("CODECOMMIT_CALLER_ARN", "$.detail.callerUserArn", "$.detail.callerUserArn");

    public static PullRequestEventVariable IsMerged { get; } = new("CODECOMMIT_IS_MERGED", "$.detail.isMerged", null);

    public static PullRequestEventVariable PullRequestStatus { get; } =
        new("CODECOMMIT_PULL_REQUEST_STATUS", "$.detail.pullRequestStatus", null);

    public static PullRequestEventVariable SourceReference { get; } =
        new("CODECOMMIT_SOURCE_REFERENCE", "$.detail.sourceReference", null);

    public static PullRequestEventVariable DestinationReference { get; } =
        new("CODECOMMIT_DESTINATION_REFERENCE", "$.detail.destinationReference", null);

    public static PullRequestEventVariable CommentId { get; } = new("CODECOMMIT_COMMENT_ID", null, "$.detail.commentId");

    /// <summary>Every variable, in the order the input templates list them.</summary>
    public static IReadOnlyList<PullRequestEventVariable> All { get; } =
    [
        Event, DetailType, Time, PullRequestId, RepositoryName, CallerArn, IsMerged, PullRequestStatus, SourceReference,
        DestinationReference, CommentId,
    ];

    /// <summary>The two detail-types the tool's rules match.</summary>
    public static IReadOnlyList<string> DetailTypes { get; } = [PullRequestEvent.PullRequestStateChange, PullRequestEvent.CommentOnPullRequest];

    /// <summary>
    /// The EventBridge event pattern of the rule for <paramref name="detailType"/>: CodeCommit events of that type from
    /// one repository, filtered on <c>detail.event</c> to the events the tool handles.
    /// </summary>
    public static string EventPattern(string detailType, string repositoryArn) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("source");
        writer.WriteStringValue("aws.codecommit");
        writer.WriteEndArray();
        writer.WriteStartArray("detail-type");
        writer.WriteStringValue(RequireDetailType(detailType));
        writer.WriteEndArray();
        writer.WriteStartArray("resources");
        writer.WriteStringValue(repositoryArn);
        writer.WriteEndArray();
        writer.WriteStartObject("detail");
        writer.WriteStartArray("event");
        foreach (var name in PullRequestEvent.Handled.Where(e => DetailTypeOf(e.Value) == detailType).Select(e => e.Key))
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>The input transformer's <c>InputPathsMap</c> for <paramref name="detailType"/>: variable name → JSON path.</summary>
    public static IReadOnlyDictionary<string, string> InputPathsMap(string detailType)
    {
        RequireDetailType(detailType);
        return All.Where(v => v.PathFor(detailType) is not null).ToDictionary(v => v.Name, v => v.PathFor(detailType)!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The input transformer's <c>InputTemplate</c> for <paramref name="detailType"/>: a CodeBuild <c>StartBuild</c>
    /// request body whose <c>environmentVariablesOverride</c> sets each variable (EventBridge puts the quotes around
    /// string values).
    /// </summary>
    public static string InputTemplate(string detailType)
    {
        var builder = new StringBuilder("{\"environmentVariablesOverride\": [");
        var first = true;
        foreach (var name in InputPathsMap(detailType).Keys)
        {
            builder.Append(first ? "\n  " : ",\n  ")
                .Append("{\"name\": \"").Append(name).Append("\", \"value\": <").Append(name).Append(">, \"type\": \"PLAINTEXT\"}");
            first = false;
        }

        return builder.Append("\n]}").ToString();
    }

    private static string DetailTypeOf(PullRequestEventKind kind) =>
        kind == PullRequestEventKind.CommentCreated ? PullRequestEvent.CommentOnPullRequest : PullRequestEvent.PullRequestStateChange;

    private static string RequireDetailType(string detailType) =>
        DetailTypes.Contains(detailType)
            ? detailType
            : throw new ArgumentException($"'{detailType}' is not a detail-type the tool's rules match.", nameof(detailType));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
