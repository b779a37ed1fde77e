using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One conflict (<c>Conflict.java</c>): <c>{"conflictType":"VALUE_DIFFERS","key":{...},"message":"..."}</c>. The
/// openapi example writes the discriminator as <c>type</c>; both are read. The key is absent for a whole-reference
/// conflict (UNEXPECTED_HASH).
/// </summary>
internal sealed record NessieConflict(string ConflictType, ContentKey? Key, string Message)
{
    public static NessieConflict Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a conflict");
        return new NessieConflict(
            JsonFields.GetString(json, "conflictType") ?? JsonFields.GetString(json, "type") ?? "UNKNOWN",
            JsonFields.GetObject(json, "key") is { } key ? NessieJson.ParseKey(key) : null,
            JsonFields.GetString(json, "message") ?? "");
    }
}
