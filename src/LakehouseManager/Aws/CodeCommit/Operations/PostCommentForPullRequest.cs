using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary>
/// <c>PostCommentForPullRequest</c>: a new comment thread. Without <see cref="Location"/> it is a general comment on the
/// pull request; <see cref="BeforeCommitId"/> is the destination's tip, <see cref="AfterCommitId"/> the source's.
/// </summary>
internal sealed record PostCommentForPullRequestRequest(
    string PullRequestId, string RepositoryName, string BeforeCommitId, string AfterCommitId, string Content) : IAwsRequest
{
    public CodeCommitLocation? Location { get; init; }

    /// <summary>The idempotency token; the client sets a fresh one when null (botocore does the same).</summary>
    public string? ClientRequestToken { get; init; }

    public string Operation => "PostCommentForPullRequest";

    // Safe to repeat because the client always sends a clientRequestToken: CodeCommit answers a repeat with the comment
    // the first attempt made.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteString("repositoryName", RepositoryName);
        writer.WriteString("beforeCommitId", BeforeCommitId);
        writer.WriteString("afterCommitId", AfterCommitId);
        writer.WriteOptional("location", Location, CodeCommitLocation.WriteMembers);
        writer.WriteString("content", Content);
        writer.WriteOptional("clientRequestToken", ClientRequestToken);
    }
}

/// <summary>The comment made and where it sits.</summary>
internal sealed record PostCommentForPullRequestResponse(
    string? RepositoryName,
    string? PullRequestId,
    string? BeforeCommitId,
    string? AfterCommitId,
    string? BeforeBlobId,
    string? AfterBlobId,
    CodeCommitLocation? Location,
    CodeCommitComment? Comment)
{
    public static PostCommentForPullRequestResponse Parse(JsonElement json) => new(
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "pullRequestId"),
        AwsJson.String(json, "beforeCommitId"),
        AwsJson.String(json, "afterCommitId"),
        AwsJson.String(json, "beforeBlobId"),
        AwsJson.String(json, "afterBlobId"),
        AwsJson.Object(json, "location", CodeCommitLocation.Parse),
        AwsJson.Object(json, "comment", CodeCommitComment.Parse));
}
