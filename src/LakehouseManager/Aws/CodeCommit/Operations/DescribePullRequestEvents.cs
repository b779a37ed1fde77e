using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>DescribePullRequestEvents</c>: one page of a pull request's history; <c>maxResults</c> up to 100.</summary>
internal sealed record DescribePullRequestEventsRequest(string PullRequestId) : IAwsRequest
{
    /// <summary>Only events of this type (<see cref="CodeCommitPullRequestEvent.Created"/> ...).</summary>
    public string? PullRequestEventType { get; init; }

    public string? ActorArn { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public string Operation => "DescribePullRequestEvents";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteOptional("pullRequestEventType", PullRequestEventType);
        writer.WriteOptional("actorArn", ActorArn);
        writer.WriteOptional("nextToken", NextToken);
        writer.WriteOptional("maxResults", MaxResults);
    }
}

/// <summary><c>{pullRequestEvents, nextToken}</c>.</summary>
internal sealed record DescribePullRequestEventsResponse(IReadOnlyList<CodeCommitPullRequestEvent> PullRequestEvents, string? NextToken)
{
    public static DescribePullRequestEventsResponse Parse(JsonElement json) => new(
        AwsJson.List(json, "pullRequestEvents", CodeCommitPullRequestEvent.Parse),
        AwsJson.String(json, "nextToken"));
}
