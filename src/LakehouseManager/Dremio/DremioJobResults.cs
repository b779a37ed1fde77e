using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>
/// One page of <c>GET job/{id}/results?offset=&amp;limit=</c> (api-facts B.3):
/// <c>{"rowCount": total, "schema": [...], "rows": [{"c": v}]}</c>. Rows are turned into cell lists in schema order,
/// normalised by <see cref="DremioCell"/>; a column missing from a row object is null.
/// </summary>
internal sealed record DremioJobResults(
    long RowCount,
    IReadOnlyList<DremioColumn> Schema,
    IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The most rows one results call may ask for (<c>limit can not exceed 500 rows</c>).</summary>
    public const int MaxLimit = 500;

    /// <summary>Reads a results page; throws <see cref="FormatException"/> when it is not one.</summary>
    public static DremioJobResults Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "the job results");
        var schema = new List<DremioColumn>();
        if (JsonFields.GetArray(json, "schema") is { } schemaArray)
        {
            foreach (var field in schemaArray.EnumerateArray())
            {
                JsonFields.RequireObject(field, "a schema field");
                var typeName = field.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Object
                    ? JsonFields.GetString(type, "name")
                    : null;
                schema.Add(new DremioColumn(JsonFields.RequireString(field, "name"), typeName ?? "UNKNOWN"));
            }
        }

        var rows = new List<IReadOnlyList<object?>>();
        if (JsonFields.GetArray(json, "rows") is { } rowArray)
        {
            foreach (var row in rowArray.EnumerateArray())
            {
                JsonFields.RequireObject(row, "a result row");
                var cells = new object?[schema.Count];
                for (var i = 0; i < schema.Count; i++)
                {
                    cells[i] = row.TryGetProperty(schema[i].Name, out var cell) ? DremioCell.Normalize(cell) : null;
                }

                rows.Add(cells);
            }
        }

        var rowCount = JsonFields.GetInt64(json, "rowCount") ?? rows.Count;
        return new DremioJobResults(rowCount, schema, rows);
    }
}
