using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>GetComment</c> <c>{commentId}</c>: what a comment event leaves out (the text).</summary>
internal sealed record GetCommentRequest(string CommentId) : IAwsRequest
{
    public string Operation => "GetComment";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("commentId", CommentId);
}

/// <summary><c>{comment}</c>.</summary>
internal sealed record GetCommentResponse(CodeCommitComment Comment)
{
    public static GetCommentResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "comment", CodeCommitComment.Parse) ?? throw new FormatException("'comment' is missing"));
}
