using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary>
/// <c>MergePullRequestByFastForward</c>: moves the destination to the source's tip (tests and the fake's users; the
/// product never merges pull requests). <see cref="SourceCommitId"/>, when given, must still be the source's tip.
/// </summary>
internal sealed record MergePullRequestByFastForwardRequest(string PullRequestId, string RepositoryName) : IAwsRequest
{
    public string? SourceCommitId { get; init; }

    public string Operation => "MergePullRequestByFastForward";

    // A merge carries no idempotency token: repeated after it happened, it fails (PullRequestAlreadyClosedException).
    public RetrySafety Safety => RetrySafety.OnlyIfNotProcessed;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteString("repositoryName", RepositoryName);
        writer.WriteOptional("sourceCommitId", SourceCommitId);
    }
}

/// <summary>
/// <c>MergePullRequestBySquash</c> (<see cref="ThreeWay"/> false) or <c>MergePullRequestByThreeWay</c> (true): the
/// members the two share; conflict resolution entries are not supported here.
/// </summary>
internal sealed record MergePullRequestWithCommitRequest(string PullRequestId, string RepositoryName, bool ThreeWay) : IAwsRequest
{
    public string? SourceCommitId { get; init; }

    /// <summary><c>FILE_LEVEL</c> or <c>LINE_LEVEL</c>.</summary>
    public string? ConflictDetailLevel { get; init; }

    /// <summary><c>NONE</c>, <c>ACCEPT_SOURCE</c>, <c>ACCEPT_DESTINATION</c> or <c>AUTOMERGE</c>.</summary>
    public string? ConflictResolutionStrategy { get; init; }

    public string? CommitMessage { get; init; }

    public string? AuthorName { get; init; }

    public string? Email { get; init; }

    public bool? KeepEmptyFolders { get; init; }

    public string Operation => ThreeWay ? "MergePullRequestByThreeWay" : "MergePullRequestBySquash";

    // A merge carries no idempotency token: repeated after it happened, it fails (PullRequestAlreadyClosedException).
    public RetrySafety Safety => RetrySafety.OnlyIfNotProcessed;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteString("repositoryName", RepositoryName);
        writer.WriteOptional("sourceCommitId", SourceCommitId);
        writer.WriteOptional("conflictDetailLevel", ConflictDetailLevel);
        writer.WriteOptional("conflictResolutionStrategy", ConflictResolutionStrategy);
        writer.WriteOptional("commitMessage", CommitMessage);
        writer.WriteOptional("authorName", AuthorName);
        writer.WriteOptional("email", Email);
        writer.WriteOptional("keepEmptyFolders", KeepEmptyFolders);
    }
}

/// <summary><c>{pullRequest}</c>, the same for the three merge operations.</summary>
internal sealed record MergePullRequestResponse(CodeCommitPullRequest? PullRequest)
{
    public static MergePullRequestResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "pullRequest", CodeCommitPullRequest.Parse));
}
