using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>The model's <c>PullRequestCreatedEventMetadata</c>.</summary>
internal sealed record CodeCommitPullRequestCreatedMetadata(
    string? RepositoryName, string? SourceCommitId, string? DestinationCommitId, string? MergeBase)
{
    public static CodeCommitPullRequestCreatedMetadata Parse(JsonElement json) => new(
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "sourceCommitId"),
        AwsJson.String(json, "destinationCommitId"),
        AwsJson.String(json, "mergeBase"));
}

/// <summary>The model's <c>PullRequestStatusChangedEventMetadata</c>.</summary>
internal sealed record CodeCommitPullRequestStatusChangedMetadata(string? PullRequestStatus)
{
    public static CodeCommitPullRequestStatusChangedMetadata Parse(JsonElement json) =>
        new(AwsJson.String(json, "pullRequestStatus"));
}

/// <summary>The model's <c>PullRequestSourceReferenceUpdatedEventMetadata</c>.</summary>
internal sealed record CodeCommitPullRequestSourceReferenceUpdatedMetadata(
    string? RepositoryName, string? BeforeCommitId, string? AfterCommitId, string? MergeBase)
{
    public static CodeCommitPullRequestSourceReferenceUpdatedMetadata Parse(JsonElement json) => new(
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "beforeCommitId"),
        AwsJson.String(json, "afterCommitId"),
        AwsJson.String(json, "mergeBase"));
}

/// <summary>The model's <c>PullRequestMergedStateChangedEventMetadata</c>.</summary>
internal sealed record CodeCommitPullRequestMergedStateChangedMetadata(
    string? RepositoryName, string? DestinationReference, CodeCommitMergeMetadata? MergeMetadata)
{
    public static CodeCommitPullRequestMergedStateChangedMetadata Parse(JsonElement json) => new(
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "destinationReference"),
        AwsJson.Object(json, "mergeMetadata", CodeCommitMergeMetadata.Parse));
}
