using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One entry of <c>GET trees/{ref}/history</c> (LogResponse, api-facts A.5); <see cref="Operations"/> only with
/// <c>fetch=ALL</c>.
/// </summary>
internal sealed record NessieLogEntry(NessieCommitMeta CommitMeta, string? ParentCommitHash, IReadOnlyList<NessieOperation>? Operations)
{
    public static NessieLogEntry Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a log entry");
        var meta = JsonFields.GetObject(json, "commitMeta") ?? throw new FormatException("the field 'commitMeta' is missing");
        IReadOnlyList<NessieOperation>? operations = json.TryGetProperty("operations", out var ops) &&
            ops.ValueKind == JsonValueKind.Array
            ? [.. ops.EnumerateArray().Select(NessieOperation.Parse)]
            : null;
        return new NessieLogEntry(NessieCommitMeta.Parse(meta), JsonFields.GetString(json, "parentCommitHash"), operations);
    }
}
