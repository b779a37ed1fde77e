using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>PostCommentReply</c> <c>{inReplyTo, clientRequestToken, content}</c>: a reply in a comment's thread.</summary>
internal sealed record PostCommentReplyRequest(string InReplyTo, string Content) : IAwsRequest
{
    /// <summary>The idempotency token; the client sets a fresh one when null (botocore does the same).</summary>
    public string? ClientRequestToken { get; init; }

    public string Operation => "PostCommentReply";

    // Safe to repeat because the client always sends a clientRequestToken: CodeCommit answers a repeat with the reply
    // the first attempt made.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("inReplyTo", InReplyTo);
        writer.WriteOptional("clientRequestToken", ClientRequestToken);
        writer.WriteString("content", Content);
    }
}

/// <summary><c>{comment}</c>.</summary>
internal sealed record PostCommentReplyResponse(CodeCommitComment? Comment)
{
    public static PostCommentReplyResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "comment", CodeCommitComment.Parse));
}
