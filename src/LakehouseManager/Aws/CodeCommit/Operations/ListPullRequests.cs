using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>ListPullRequests</c>: one page of a repository's pull request ids, optionally by status or author.</summary>
internal sealed record ListPullRequestsRequest(string RepositoryName) : IAwsRequest
{
    public string? AuthorArn { get; init; }

    /// <summary><see cref="CodeCommitPullRequest.Open"/> or <see cref="CodeCommitPullRequest.Closed"/>; null: both.</summary>
    public string? PullRequestStatus { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public string Operation => "ListPullRequests";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("repositoryName", RepositoryName);
        writer.WriteOptional("authorArn", AuthorArn);
        writer.WriteOptional("pullRequestStatus", PullRequestStatus);
        writer.WriteOptional("nextToken", NextToken);
        writer.WriteOptional("maxResults", MaxResults);
    }
}

/// <summary><c>{pullRequestIds, nextToken}</c>.</summary>
internal sealed record ListPullRequestsResponse(IReadOnlyList<string> PullRequestIds, string? NextToken)
{
    public static ListPullRequestsResponse Parse(JsonElement json) =>
        new(AwsJson.Strings(json, "pullRequestIds"), AwsJson.String(json, "nextToken"));
}
