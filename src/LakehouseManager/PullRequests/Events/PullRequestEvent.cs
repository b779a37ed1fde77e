namespace LakehouseManager.PullRequests.Events;

/// <summary>
/// A CodeCommit pull-request event as EventBridge delivers it (api-facts §C.3), from the whole envelope
/// (<c>--event</c>) or from the environment variables the rule's input transformer sets
/// (<see cref="PullRequestEventVariables"/>). Only what the tool needs is kept; the pull request is re-read on every
/// run anyway, because events may be lost, repeated or late.
/// </summary>
/// <param name="Name"><c>detail.event</c>, e.g. <c>pullRequestCreated</c>.</param>
/// <param name="DetailType"><c>detail-type</c>, e.g. <c>CodeCommit Pull Request State Change</c>.</param>
/// <param name="Kind">What the tool does with it.</param>
/// <param name="PullRequestId"><c>detail.pullRequestId</c>.</param>
/// <param name="RepositoryName"><c>detail.repositoryNames[0]</c> (pull-request events) or <c>detail.repositoryName</c> (comments).</param>
/// <param name="CommentId"><c>detail.commentId</c> of a comment event.</param>
/// <param name="IsMerged"><c>detail.isMerged</c>, which CodeCommit sends as the string "True" or "False".</param>
/// <param name="PullRequestStatus"><c>detail.pullRequestStatus</c>: "Open" or "Closed".</param>
/// <param name="SourceBranch"><c>detail.sourceReference</c> without <c>refs/heads/</c>.</param>
/// <param name="DestinationBranch"><c>detail.destinationReference</c> without <c>refs/heads/</c>.</param>
/// <param name="CallerArn"><c>detail.callerUserArn</c>: who caused it.</param>
/// <param name="Time">The envelope's <c>time</c> (the dates in <c>detail</c> are display text, not ISO 8601).</param>
/// <param name="IgnoredReason">Why an <see cref="PullRequestEventKind.Ignored"/> event is ignored.</param>
public sealed record PullRequestEvent(
    string Name,
    string DetailType,
    PullRequestEventKind Kind,
    string? PullRequestId,
    string? RepositoryName,
    string? CommentId = null,
    bool? IsMerged = null,
    string? PullRequestStatus = null,
    string? SourceBranch = null,
    string? DestinationBranch = null,
    string? CallerArn = null,
    DateTimeOffset? Time = null,
    string? IgnoredReason = null)
{
    /// <summary>"CodeCommit Pull Request State Change".</summary>
    public const string PullRequestStateChange = "CodeCommit Pull Request State Change";

    /// <summary>"CodeCommit Comment on Pull Request".</summary>
    public const string CommentOnPullRequest = "CodeCommit Comment on Pull Request";

    /// <summary>The events the tool acts on, by <c>detail.event</c>.</summary>
    public static IReadOnlyDictionary<string, PullRequestEventKind> Handled { get; } = new Dictionary<string, PullRequestEventKind>(StringComparer.Ordinal)
    {
        ["pullRequestCreated"] = PullRequestEventKind.Created,
        ["pullRequestSourceBranchUpdated"] = PullRequestEventKind.SourceBranchUpdated,
        ["pullRequestStatusChanged"] = PullRequestEventKind.StatusChanged,
        ["pullRequestMergeStatusUpdated"] = PullRequestEventKind.MergeStatusUpdated,
        ["commentOnPullRequestCreated"] = PullRequestEventKind.CommentCreated,
    };

    public override string ToString() =>
        Kind switch
        {
            PullRequestEventKind.CommentCreated => $"{Name} (comment {CommentId} on pull request {PullRequestId} of {RepositoryName})",
            PullRequestEventKind.Ignored when PullRequestId is null => $"{Name} ({DetailType})",
            _ => $"{Name} (pull request {PullRequestId} of {RepositoryName})",
        };
}
