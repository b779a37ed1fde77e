using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary>
/// <c>GetCommentsForPullRequest</c>: one page of a pull request's comments, grouped by (before commit, after commit,
/// location). Only <see cref="PullRequestId"/> is needed for every thread; <c>maxResults</c> is 1 to 500 (default 100).
/// </summary>
internal sealed record GetCommentsForPullRequestRequest(string PullRequestId) : IAwsRequest
{
    public string? RepositoryName { get; init; }

    public string? BeforeCommitId { get; init; }

    public string? AfterCommitId { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public string Operation => "GetCommentsForPullRequest";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteOptional("repositoryName", RepositoryName);
        writer.WriteOptional("beforeCommitId", BeforeCommitId);
        writer.WriteOptional("afterCommitId", AfterCommitId);
        writer.WriteOptional("nextToken", NextToken);
        writer.WriteOptional("maxResults", MaxResults);
    }
}

/// <summary><c>{commentsForPullRequestData, nextToken}</c>.</summary>
internal sealed record GetCommentsForPullRequestResponse(
    IReadOnlyList<CodeCommitCommentsForPullRequest> CommentsForPullRequestData, string? NextToken)
{
    public static GetCommentsForPullRequestResponse Parse(JsonElement json) => new(
        AwsJson.List(json, "commentsForPullRequestData", CodeCommitCommentsForPullRequest.Parse),
        AwsJson.String(json, "nextToken"));
}
