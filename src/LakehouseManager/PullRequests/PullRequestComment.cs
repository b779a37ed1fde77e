namespace LakehouseManager.PullRequests;

/// <summary>A comment on a pull request; <see cref="InReplyTo"/> is the id of the comment it answers.</summary>
public sealed record PullRequestComment(
    string Id,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    string? InReplyTo);
