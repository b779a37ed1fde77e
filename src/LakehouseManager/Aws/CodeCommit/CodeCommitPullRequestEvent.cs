using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// One entry of a pull request's history (the model's <c>PullRequestEvent</c>). The metadata that matches
/// <see cref="PullRequestEventType"/> is set; approval metadata is not read.
/// </summary>
internal sealed record CodeCommitPullRequestEvent(
    string? PullRequestId,
    DateTimeOffset? EventDate,
    string? PullRequestEventType,
    string? ActorArn,
    CodeCommitPullRequestCreatedMetadata? PullRequestCreatedEventMetadata,
    CodeCommitPullRequestStatusChangedMetadata? PullRequestStatusChangedEventMetadata,
    CodeCommitPullRequestSourceReferenceUpdatedMetadata? PullRequestSourceReferenceUpdatedEventMetadata,
    CodeCommitPullRequestMergedStateChangedMetadata? PullRequestMergedStateChangedEventMetadata)
{
    public const string Created = "PULL_REQUEST_CREATED";

    public const string StatusChanged = "PULL_REQUEST_STATUS_CHANGED";

    public const string SourceReferenceUpdated = "PULL_REQUEST_SOURCE_REFERENCE_UPDATED";

    public const string MergeStateChanged = "PULL_REQUEST_MERGE_STATE_CHANGED";

    public static CodeCommitPullRequestEvent Parse(JsonElement json) => new(
        AwsJson.String(json, "pullRequestId"),
        AwsJson.Timestamp(json, "eventDate"),
        AwsJson.String(json, "pullRequestEventType"),
        AwsJson.String(json, "actorArn"),
        AwsJson.Object(json, "pullRequestCreatedEventMetadata", CodeCommitPullRequestCreatedMetadata.Parse),
        AwsJson.Object(json, "pullRequestStatusChangedEventMetadata", CodeCommitPullRequestStatusChangedMetadata.Parse),
        AwsJson.Object(json, "pullRequestSourceReferenceUpdatedEventMetadata", CodeCommitPullRequestSourceReferenceUpdatedMetadata.Parse),
        AwsJson.Object(json, "pullRequestMergedStateChangedEventMetadata", CodeCommitPullRequestMergedStateChangedMetadata.Parse));
}
