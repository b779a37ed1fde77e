using System.Text.Json;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// The body of <c>POST trees/{target}@{expectedHash}/history/merge</c> (<c>Merge.java</c>, api-facts A.5): the source
/// reference and the exact source hash to merge, the merge commit's message and author, and whether to only try it.
/// </summary>
/// <param name="FromRefName">The source branch (must match Nessie's reference-name rules).</param>
/// <param name="FromHash">The source commit to merge: the reviewed hash, never the branch's moving head.</param>
/// <param name="Message">The merge commit's message (the server writes "Merged x at h into y at h2" when null).</param>
internal sealed record NessieMergeRequest(string FromRefName, string FromHash, string? Message)
{
    /// <summary>The merge commit's author, e.g. "Lakehouse Manager &lt;lakehouse@example.com&gt;".</summary>
    public string? Author { get; init; }

    /// <summary>Only compute the outcome (<c>wasApplied</c> stays false).</summary>
    public bool DryRun { get; init; }

    /// <summary>Answer conflicts as a 200 with <c>wasSuccessful:false</c> instead of a 409 error.</summary>
    public bool ReturnConflictAsResult { get; init; } = true;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("fromRefName", FromRefName);
        writer.WriteString("fromHash", FromHash);
        if (Message is not null || Author is not null)
        {
            writer.WritePropertyName("commitMeta");
            new NessieCommitMeta(Message ?? "") { Authors = Author is null ? [] : [Author] }.WriteTo(writer);
        }

        writer.WriteString("defaultKeyMergeMode", "NORMAL");
        writer.WriteBoolean("dryRun", DryRun);
        writer.WriteBoolean("fetchAdditionalInfo", false);
        writer.WriteBoolean("returnConflictAsResult", ReturnConflictAsResult);
        writer.WriteEndObject();
    }
}
