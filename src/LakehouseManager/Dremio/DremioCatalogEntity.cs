using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>
/// A catalog object from Dremio's catalog API (api-facts B.4, docs /cloud/reference/api/catalog/view): for a view
/// <c>{"entityType":"dataset","id":...,"type":"VIRTUAL_DATASET","path":[...],"tag":...,"sql":"SELECT ...",
/// "sqlContext":[...],"fields":[...]}</c>. For versioned (Nessie/Arctic) sources <c>id</c> is a JSON string holding
/// the table key, content id and version context. Only what SQL resolution needs is kept.
/// </summary>
internal sealed record DremioCatalogEntity(
    string EntityType,
    string? Id,
    string? Type,
    IReadOnlyList<string> Path,
    string? Tag,
    string? Sql,
    IReadOnlyList<string> SqlContext)
{
    /// <summary>Whether the object is a view (<c>VIRTUAL_DATASET</c>).</summary>
    public bool IsView => EntityType == "dataset" && Type == "VIRTUAL_DATASET";

    public static DremioCatalogEntity Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a catalog object");
        return new DremioCatalogEntity(
            JsonFields.RequireString(json, "entityType"),
            JsonFields.GetString(json, "id"),
            JsonFields.GetString(json, "type"),
            JsonFields.GetStrings(json, "path"),
            JsonFields.GetString(json, "tag"),
            JsonFields.GetString(json, "sql"),
            JsonFields.GetStrings(json, "sqlContext"));
    }
}
