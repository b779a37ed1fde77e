using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// One group of comments (the model's <c>CommentsForPullRequest</c>): the comments made on one (before commit, after
/// commit, location) of a pull request, replies included. A group can continue on the next page.
/// </summary>
internal sealed record CodeCommitCommentsForPullRequest(
    string? PullRequestId,
    string? RepositoryName,
    string? BeforeCommitId,
    string? AfterCommitId,
    string? BeforeBlobId,
    string? AfterBlobId,
    CodeCommitLocation? Location,
    IReadOnlyList<CodeCommitComment> Comments)
{
    public static CodeCommitCommentsForPullRequest Parse(JsonElement json) => new(
        AwsJson.String(json, "pullRequestId"),
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "beforeCommitId"),
        AwsJson.String(json, "afterCommitId"),
        AwsJson.String(json, "beforeBlobId"),
        AwsJson.String(json, "afterBlobId"),
        AwsJson.Object(json, "location", CodeCommitLocation.Parse),
        AwsJson.List(json, "comments", CodeCommitComment.Parse));
}
