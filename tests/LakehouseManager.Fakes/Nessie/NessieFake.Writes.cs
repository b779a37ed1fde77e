using System.Net;
using System.Text.Json;

namespace LakehouseManager.Fakes.Nessie;

/// <summary><c>POST trees/{branch}@{hash}/history/commit</c> and <c>.../history/merge</c>.</summary>
public sealed partial class NessieFake
{
    private NessieFakeAnswer CommitOperations(Call call)
    {
        var (branch, expectedHash) = RequireWriteTarget(call);
        using var document = call.Json();
        var body = document.RootElement;
        var meta = ReadCommitMeta(body.TryGetProperty("commitMeta", out var m) ? m : default)
            ?? throw NessieFakeError.BadRequest("commitMultipleOperations.operations.commitMeta: must not be null");
        if (!body.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
        {
            throw NessieFakeError.BadRequest("commitMultipleOperations.operations.operations: must not be null");
        }

        var requests = operations.EnumerateArray().Select(ReadOperation).ToList();
        var (commit, added) = Repository.Commit(branch, expectedHash, meta, requests);
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            NessieFakeJson.WriteReference(writer, "targetBranch", "BRANCH", branch, commit.Hash);
            writer.WriteStartArray("addedContents");
            foreach (var (key, contentId) in added)
            {
                writer.WriteStartObject();
                NessieFakeJson.WriteKey(writer, "key", key);
                writer.WriteString("contentId", contentId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private NessieFakeAnswer MergeReference(Call call)
    {
        var (branch, expectedHash) = RequireWriteTarget(call);
        using var document = call.Json();
        var body = document.RootElement;
        var fromRefName = Text(body, "fromRefName") ?? throw NessieFakeError.BadRequest("mergeRefIntoBranch.merge.fromRefName: must not be null");
        var fromHash = Text(body, "fromHash");
        if (string.IsNullOrEmpty(fromHash))
        {
            throw NessieFakeError.BadRequest("Source hash must be provided.");
        }

        var meta = ReadCommitMeta(body.TryGetProperty("commitMeta", out var m) ? m : default);
        if (meta is null && Text(body, "message") is { } message)
        {
            meta = new NessieFakeCommitMetaRequest(message, []);
        }

        var dryRun = body.TryGetProperty("dryRun", out var d) && d.ValueKind == JsonValueKind.True;
        var asResult = body.TryGetProperty("returnConflictAsResult", out var r) && r.ValueKind == JsonValueKind.True;
        var result = Repository.Merge(branch, expectedHash, fromRefName, fromHash, meta, dryRun, Options.LegacyNothingToMerge);
        if (!result.WasSuccessful && !asResult)
        {
            var conflicts = result.Details.Where(x => x.Conflict is not null).Select(x => x.Conflict!).ToList();
            throw new NessieFakeError(HttpStatusCode.Conflict, "REFERENCE_CONFLICT",
                "The following keys have been changed in conflict: " +
                string.Join(", ", conflicts.Select(c => $"'{NessieFakeConflict.Dotted(c.Key!)}'")),
                conflicts);
        }

        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            if (result.ResultantTargetHash is not null)
            {
                writer.WriteString("resultantTargetHash", result.ResultantTargetHash);
            }

            writer.WriteString("commonAncestor", result.CommonAncestor);
            writer.WriteString("targetBranch", result.TargetBranch);
            writer.WriteString("effectiveTargetHash", result.EffectiveTargetHash);
            writer.WriteString("expectedHash", result.ExpectedHash);
            writer.WriteStartArray("details");
            foreach (var detail in result.Details)
            {
                writer.WriteStartObject();
                NessieFakeJson.WriteKey(writer, "key", detail.Key);
                writer.WriteString("mergeBehavior", "NORMAL");
                if (detail.Conflict is not null)
                {
                    writer.WritePropertyName("conflict");
                    NessieFakeJson.WriteConflict(writer, detail.Conflict);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("wasApplied", result.WasApplied);
            writer.WriteBoolean("wasSuccessful", result.WasSuccessful);
            writer.WriteEndObject();
        });
    }

    /// <summary>A write's <c>{branch}@{expectedHash}</c>: both are mandatory (HashValidator.hashMustBeUnambiguous).</summary>
    private static (string Branch, string ExpectedHash) RequireWriteTarget(Call call)
    {
        var (name, hash) = call.Ref();
        if (name is null)
        {
            throw NessieFakeError.BadRequest("A branch name is required.");
        }

        return (name, hash ?? throw NessieFakeError.BadRequest("Expected hash must be provided."));
    }

    /// <summary>CommitMeta from a request, V2 (<c>authors</c>, <c>allProperties</c>) or V1 (<c>author</c>, <c>properties</c>).</summary>
    private static NessieFakeCommitMetaRequest? ReadCommitMeta(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var authors = json.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
            : Text(json, "author") is { } author ? [author] : [];
        var properties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (json.TryGetProperty("allProperties", out var all) && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in all.EnumerateObject())
            {
                properties[property.Name] = [.. property.Value.EnumerateArray().Select(v => v.GetString() ?? "")];
            }
        }
        else if (json.TryGetProperty("properties", out var v1) && v1.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in v1.EnumerateObject())
            {
                properties[property.Name] = [property.Value.GetString() ?? ""];
            }
        }

        return new NessieFakeCommitMetaRequest(Text(json, "message") ?? "", authors) { Properties = properties };
    }

    private static NessieFakeOperationRequest ReadOperation(JsonElement json)
    {
        var type = Text(json, "type") ?? throw NessieFakeError.BadRequest("An operation needs a 'type'.");
        var key = json.TryGetProperty("key", out var k) ? KeyFromJson(k) : throw NessieFakeError.BadRequest("An operation needs a 'key'.");
        switch (type)
        {
            case "PUT":
                if (!json.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
                {
                    throw NessieFakeError.BadRequest($"The PUT of '{NessieFakeConflict.Dotted(key)}' has no content.");
                }

                var snapshot = content.Clone();
                return NessieFakeOperationRequest.Put(key, Text(content, "id"),
                    id => NessieFakeContent.FromRequest(snapshot, id, key.Elements));
            case "DELETE":
                return NessieFakeOperationRequest.Delete(key);
            case "UNCHANGED":
                return new NessieFakeOperationRequest("UNCHANGED", key, null, null);
            default:
                throw NessieFakeError.BadRequest($"Unknown operation type '{type}'.");
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
