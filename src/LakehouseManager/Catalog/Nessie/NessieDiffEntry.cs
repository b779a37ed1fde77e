using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One entry of <c>GET trees/{from}/diff/{to}</c> (api-facts A.5): <c>from</c> null means added, <c>to</c> null means
/// removed. Every content type is listed, typed, with its content id, so a caller keeps the views, pairs a removal
/// and an addition of the same content id as a rename, and skips the rest.
/// </summary>
internal sealed record NessieDiffEntry(ContentKey Key, NessieContent? From, NessieContent? To)
{
    /// <summary>The content type on the side that exists (the "to" side when both do).</summary>
    public string Type => (To ?? From)?.Type ?? "";

    /// <summary>Whether a view is involved on either side (a key can change type: a view dropped, a table created).</summary>
    public bool InvolvesView => From?.IsView == true || To?.IsView == true;

    public bool IsAdded => From is null && To is not null;

    public bool IsRemoved => From is not null && To is null;

    /// <summary>The content id on the side that exists (the "to" side when both do).</summary>
    public string? ContentId => To?.Id ?? From?.Id;

    public static NessieDiffEntry Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a diff entry");
        return new NessieDiffEntry(
            NessieJson.RequireKey(json, "key"),
            JsonFields.GetObject(json, "from") is { } from ? NessieContent.Parse(from) : null,
            JsonFields.GetObject(json, "to") is { } to ? NessieContent.Parse(to) : null);
    }
}
