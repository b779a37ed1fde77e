using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One content object (discriminator <c>type</c>, api-facts A.5): Iceberg views and tables, namespaces, Delta Lake
/// tables, UDFs, and any type a newer server adds (kept with its <see cref="Type"/> and <see cref="Id"/>, so a caller
/// can skip it). Only the fields this tool reads are modelled.
/// </summary>
internal sealed record NessieContent(string Type, string? Id)
{
    /// <summary>Iceberg table/view and UDF: where the metadata JSON lives.</summary>
    public string? MetadataLocation { get; init; }

    /// <summary>Iceberg view: a long; UDF: a string. Kept as its text.</summary>
    public string? VersionId { get; init; }

    public int? SchemaId { get; init; }

    /// <summary>Iceberg table only.</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Iceberg table only.</summary>
    public int? SpecId { get; init; }

    /// <summary>Iceberg table only.</summary>
    public int? SortOrderId { get; init; }

    /// <summary>
    /// Deprecated in Nessie (views, UDFs); Dremio writes a placeholder here, never the SQL (see
    /// <see cref="Views.NessieSqlText"/>).
    /// </summary>
    public string? SqlText { get; init; }

    public string? Dialect { get; init; }

    /// <summary>Namespace only: its elements.</summary>
    public IReadOnlyList<string>? Elements { get; init; }

    /// <summary>Namespace only (omitted when empty).</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    public bool IsView => Type == NessieContentTypes.IcebergView;

    /// <summary>An Iceberg view (what Dremio writes): metadata location, version and schema ids, deprecated SQL fields.</summary>
    public static NessieContent IcebergView(
        string? id, string metadataLocation, long versionId = 1, int schemaId = 0, string? sqlText = null, string? dialect = null) =>
        new(NessieContentTypes.IcebergView, id)
        {
            MetadataLocation = metadataLocation,
            VersionId = versionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SchemaId = schemaId,
            SqlText = sqlText,
            Dialect = dialect,
        };

    /// <summary>A namespace for the key's elements.</summary>
    public static NessieContent Namespace(string? id, IReadOnlyList<string> elements) =>
        new(NessieContentTypes.Namespace, id) { Elements = elements };

    public static NessieContent Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a content object");
        Dictionary<string, string>? properties = null;
        if (JsonFields.GetObject(json, "properties") is { } props)
        {
            properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in props.EnumerateObject())
            {
                properties[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }

        return new NessieContent(JsonFields.RequireString(json, "type"), JsonFields.GetString(json, "id"))
        {
            MetadataLocation = JsonFields.GetString(json, "metadataLocation"),
            VersionId = NessieJson.GetScalarText(json, "versionId"),
            SchemaId = (int?)JsonFields.GetInt64(json, "schemaId"),
            SnapshotId = JsonFields.GetInt64(json, "snapshotId"),
            SpecId = (int?)JsonFields.GetInt64(json, "specId"),
            SortOrderId = (int?)JsonFields.GetInt64(json, "sortOrderId"),
            SqlText = JsonFields.GetString(json, "sqlText"),
            Dialect = JsonFields.GetString(json, "dialect"),
            Elements = json.TryGetProperty("elements", out _) ? JsonFields.GetStrings(json, "elements") : null,
            Properties = properties,
        };
    }

    /// <summary>Writes the fields that are set, as Nessie's V2 model names them.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Type);
        WriteIfSet(writer, "id", Id);
        WriteIfSet(writer, "metadataLocation", MetadataLocation);
        if (VersionId is not null)
        {
            // ICEBERG_VIEW's versionId is a long, UDF's a string.
            if (Type == NessieContentTypes.Udf || !long.TryParse(VersionId, out var version))
            {
                writer.WriteString("versionId", VersionId);
            }
            else
            {
                writer.WriteNumber("versionId", version);
            }
        }

        WriteIfSet(writer, "snapshotId", SnapshotId);
        WriteIfSet(writer, "schemaId", SchemaId);
        WriteIfSet(writer, "specId", SpecId);
        WriteIfSet(writer, "sortOrderId", SortOrderId);
        WriteIfSet(writer, "sqlText", SqlText);
        WriteIfSet(writer, "dialect", Dialect);
        if (Elements is not null)
        {
            writer.WriteStartArray("elements");
            foreach (var element in Elements)
            {
                writer.WriteStringValue(element);
            }

            writer.WriteEndArray();
        }

        if (Properties is { Count: > 0 })
        {
            writer.WriteStartObject("properties");
            foreach (var (name, value) in Properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
