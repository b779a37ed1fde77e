using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws;

/// <summary>The input of one JSON 1.1 operation: its name, whether it may be repeated, and its body.</summary>
internal interface IAwsRequest
{
    /// <summary>The operation, e.g. <c>GetPullRequest</c> (the <c>X-Amz-Target</c> suffix).</summary>
    string Operation { get; }

    /// <summary>
    /// Whether a retry after an unknown outcome is harmless: reads, and writes that carry an idempotency token or set a
    /// state absolutely. Each request says why in a comment.
    /// </summary>
    RetrySafety Safety { get; }

    /// <summary>Writes the members of the input object (the caller writes its braces), with the model's names.</summary>
    void WriteMembers(Utf8JsonWriter writer);
}
