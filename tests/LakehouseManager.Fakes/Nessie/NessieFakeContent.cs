using System.Text.Json;
using System.Text.Json.Nodes;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// A content object as the fake stores it: its JSON exactly as Nessie would send it back (<c>type</c> first, then
/// <c>id</c>, then the type's fields), so unknown content types round-trip unchanged. Two contents are equal when their
/// JSON is, as Nessie compares content values by their serialized payload.
/// </summary>
public sealed class NessieFakeContent : IEquatable<NessieFakeContent>
{
    private NessieFakeContent(string type, string id, string json)
    {
        Type = type;
        Id = id;
        Json = json;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        MetadataLocation = Text(root, "metadataLocation");
        SqlText = Text(root, "sqlText");
        Dialect = Text(root, "dialect");
        VersionId = root.TryGetProperty("versionId", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
            ? n
            : null;
    }

    /// <summary>The <c>type</c> discriminator (ICEBERG_VIEW, ICEBERG_TABLE, NAMESPACE, ...).</summary>
    public string Type { get; }

    /// <summary>The content id (a UUID the fake assigned when the key was created).</summary>
    public string Id { get; }

    /// <summary>The JSON object, with its id.</summary>
    public string Json { get; }

    public string? MetadataLocation { get; }

    public string? SqlText { get; }

    public string? Dialect { get; }

    public long? VersionId { get; }

    public bool IsView => Type == "ICEBERG_VIEW";

    public bool IsNamespace => Type == "NAMESPACE";

    /// <summary>
    /// Content from a request's JSON object with the id set to <paramref name="id"/> (a namespace's elements are those
    /// of its key). Throws <see cref="NessieFakeError"/> 400 for a body Nessie would refuse.
    /// </summary>
    public static NessieFakeContent FromRequest(JsonElement json, string id, IReadOnlyList<string> keyElements)
    {
        if (json.ValueKind != JsonValueKind.Object || Text(json, "type") is not { Length: > 0 } type)
        {
            throw NessieFakeError.BadRequest("Content must be a JSON object with a 'type'.");
        }

        var fields = JsonNode.Parse(json.GetRawText())!.AsObject();
        if (type is "ICEBERG_VIEW" or "ICEBERG_TABLE" && Text(json, "metadataLocation") is null)
        {
            throw NessieFakeError.BadRequest($"metadataLocation must not be null for {type}.");
        }

        var ordered = new JsonObject { ["type"] = type, ["id"] = id };
        foreach (var (name, value) in fields.ToList())
        {
            if (name is "type" or "id")
            {
                continue;
            }

            fields.Remove(name);
            ordered[name] = value;
        }

        if (type == "NAMESPACE")
        {
            ordered["elements"] = new JsonArray([.. keyElements.Select(e => (JsonNode?)JsonValue.Create(e))]);
            if (ordered["properties"] is JsonObject { Count: 0 })
            {
                ordered.Remove("properties");
            }
        }

        return new NessieFakeContent(type, id, ordered.ToJsonString());
    }

    /// <summary>An Iceberg view as Dremio writes it: metadata location, version, schema, and the sqlText placeholder.</summary>
    public static NessieFakeContent IcebergView(string id, string metadataLocation, long versionId, string? sqlText, string? dialect)
    {
        var json = new JsonObject
        {
            ["type"] = "ICEBERG_VIEW",
            ["id"] = id,
            ["metadataLocation"] = metadataLocation,
            ["versionId"] = versionId,
            ["schemaId"] = 0,
        };
        if (sqlText is not null)
        {
            json["sqlText"] = sqlText;
        }

        if (dialect is not null)
        {
            json["dialect"] = dialect;
        }

        return new NessieFakeContent("ICEBERG_VIEW", id, json.ToJsonString());
    }

    /// <summary>A namespace (a Dremio folder).</summary>
    public static NessieFakeContent Namespace(string id, IReadOnlyList<string> elements) =>
        new("NAMESPACE", id, new JsonObject
        {
            ["type"] = "NAMESPACE",
            ["id"] = id,
            ["elements"] = new JsonArray([.. elements.Select(e => (JsonNode?)JsonValue.Create(e))]),
        }.ToJsonString());

    /// <summary>An Iceberg table.</summary>
    public static NessieFakeContent IcebergTable(string id, string metadataLocation) =>
        new("ICEBERG_TABLE", id, new JsonObject
        {
            ["type"] = "ICEBERG_TABLE",
            ["id"] = id,
            ["metadataLocation"] = metadataLocation,
            ["snapshotId"] = 1,
            ["schemaId"] = 0,
            ["specId"] = 0,
            ["sortOrderId"] = 0,
        }.ToJsonString());

    /// <summary>Writes the JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(Json);
        document.RootElement.WriteTo(writer);
    }

    public bool Equals(NessieFakeContent? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as NessieFakeContent);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    public override string ToString() => Json;

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
