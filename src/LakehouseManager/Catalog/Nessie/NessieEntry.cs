using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One entry of <c>GET trees/{ref}/entries</c> (api-facts A.5): key, content type and content id of every content
/// type, and the content itself only when asked for (<c>content=true</c>).
/// </summary>
internal sealed record NessieEntry(ContentKey Key, string Type, string? ContentId, NessieContent? Content)
{
    public bool IsView => Type == NessieContentTypes.IcebergView;

    public static NessieEntry Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "an entry");
        var content = JsonFields.GetObject(json, "content") is { } c ? NessieContent.Parse(c) : null;
        return new NessieEntry(
            NessieJson.RequireKey(json, "name"),
            JsonFields.RequireString(json, "type"),
            JsonFields.GetString(json, "contentId") ?? content?.Id,
            content);
    }
}
