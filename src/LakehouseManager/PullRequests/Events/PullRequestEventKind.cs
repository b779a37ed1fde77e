namespace LakehouseManager.PullRequests.Events;

/// <summary>The CodeCommit events the tool acts on (api-facts §C.3), and the rest.</summary>
public enum PullRequestEventKind
{
    /// <summary><c>pullRequestCreated</c>.</summary>
    Created,

    /// <summary><c>pullRequestSourceBranchUpdated</c>.</summary>
    SourceBranchUpdated,

    /// <summary><c>pullRequestStatusChanged</c>: closed (or reopened).</summary>
    StatusChanged,

    /// <summary><c>pullRequestMergeStatusUpdated</c>.</summary>
    MergeStatusUpdated,

    /// <summary><c>commentOnPullRequestCreated</c>: the event carries the comment's id, not its text.</summary>
    CommentCreated,

    /// <summary>Approval events (same detail-type), edited comments, other detail-types: ignored, with the reason.</summary>
    Ignored,
}
