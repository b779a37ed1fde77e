using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// A comment (the model's <c>Comment</c>). A reply has <see cref="InReplyTo"/>; a deleted comment has
/// <see cref="Deleted"/> and no content. <see cref="ClientRequestToken"/> is the idempotency token it was posted with.
/// </summary>
internal sealed record CodeCommitComment(
    string? CommentId,
    string? Content,
    string? InReplyTo,
    DateTimeOffset? CreationDate,
    DateTimeOffset? LastModifiedDate,
    string? AuthorArn,
    bool Deleted,
    string? ClientRequestToken,
    IReadOnlyList<string> CallerReactions,
    IReadOnlyDictionary<string, int> ReactionCounts)
{
    /// <summary>The most characters a comment may hold (CommentContentSizeLimitExceededException beyond).</summary>
    public const int MaxContentLength = 10_240;

    public static CodeCommitComment Parse(JsonElement json) => new(
        AwsJson.String(json, "commentId"),
        AwsJson.String(json, "content"),
        AwsJson.String(json, "inReplyTo"),
        AwsJson.Timestamp(json, "creationDate"),
        AwsJson.Timestamp(json, "lastModifiedDate"),
        AwsJson.String(json, "authorArn"),
        AwsJson.Boolean(json, "deleted") ?? false,
        AwsJson.String(json, "clientRequestToken"),
        AwsJson.Strings(json, "callerReactions"),
        AwsJson.Map(json, "reactionCounts", count => count.TryGetInt32(out var n) ? n : throw new FormatException("'reactionCounts' is not a map of integers")));
}
