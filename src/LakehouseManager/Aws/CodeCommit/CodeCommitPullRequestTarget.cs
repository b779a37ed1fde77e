using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// One source/destination pair of a pull request (the model's <c>PullRequestTarget</c>). References are full refs
/// (<c>refs/heads/dev</c>); the commits are the tips when the pull request was last updated, kept after a merge even
/// when the source branch is deleted.
/// </summary>
internal sealed record CodeCommitPullRequestTarget(
    string? RepositoryName,
    string? SourceReference,
    string? DestinationReference,
    string? DestinationCommit,
    string? SourceCommit,
    string? MergeBase,
    CodeCommitMergeMetadata? MergeMetadata)
{
    public static CodeCommitPullRequestTarget Parse(JsonElement json) => new(
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "sourceReference"),
        AwsJson.String(json, "destinationReference"),
        AwsJson.String(json, "destinationCommit"),
        AwsJson.String(json, "sourceCommit"),
        AwsJson.String(json, "mergeBase"),
        AwsJson.Object(json, "mergeMetadata", CodeCommitMergeMetadata.Parse));
}
