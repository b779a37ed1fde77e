using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// A pull request (the model's <c>PullRequest</c>, api-facts C.2). Every member is optional in the model; lists are
/// empty when absent. Approval rules are not read: nothing here uses them.
/// </summary>
internal sealed record CodeCommitPullRequest(
    string? PullRequestId,
    string? Title,
    string? Description,
    DateTimeOffset? LastActivityDate,
    DateTimeOffset? CreationDate,
    string? PullRequestStatus,
    string? AuthorArn,
    IReadOnlyList<CodeCommitPullRequestTarget> PullRequestTargets,
    string? ClientRequestToken,
    string? RevisionId)
{
    /// <summary><c>OPEN</c>.</summary>
    public const string Open = "OPEN";

    /// <summary><c>CLOSED</c>.</summary>
    public const string Closed = "CLOSED";

    public static CodeCommitPullRequest Parse(JsonElement json) => new(
        AwsJson.String(json, "pullRequestId"),
        AwsJson.String(json, "title"),
        AwsJson.String(json, "description"),
        AwsJson.Timestamp(json, "lastActivityDate"),
        AwsJson.Timestamp(json, "creationDate"),
        AwsJson.String(json, "pullRequestStatus"),
        AwsJson.String(json, "authorArn"),
        AwsJson.List(json, "pullRequestTargets", CodeCommitPullRequestTarget.Parse),
        AwsJson.String(json, "clientRequestToken"),
        AwsJson.String(json, "revisionId"));
}
