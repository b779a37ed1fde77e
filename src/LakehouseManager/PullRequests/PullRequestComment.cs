namespace LakehouseManager.PullRequests;

/// <summary>
/// A comment on a pull request. <see cref="InReplyTo"/> is the id of the comment it answers; an edited comment has an
/// <see cref="UpdatedAt"/> later than <see cref="CreatedAt"/>; a deleted one keeps its id with <see cref="IsDeleted"/>.
/// <see cref="IdempotencyToken"/> is the token it was posted with, when the host keeps it.
/// </summary>
public sealed record PullRequestComment(
    string Id,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    string? InReplyTo,
    DateTimeOffset? UpdatedAt = null,
    bool IsDeleted = false,
    string? IdempotencyToken = null);
