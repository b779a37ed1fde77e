using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// What only Nessie payloads need beyond <see cref="JsonFields"/>: a field typed two ways, its instants, arrays read as
/// items, and content keys. A wrong type is a <see cref="FormatException"/> naming the field (the client turns that into
/// "unexpected answer").
/// </summary>
internal static class NessieJson
{
    /// <summary>A field that Nessie types as a long for one content type and a string for another (UDF versionId).</summary>
    public static string? GetScalarText(JsonElement element, string name) =>
        JsonFields.Field(element, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => throw new FormatException($"the field '{name}' is not a string or number"),
            }
            : null;

    public static DateTimeOffset? GetInstant(JsonElement element, string name) =>
        JsonFields.GetString(element, name) is { } text && DateTimeOffset.TryParse(
            text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
            out var instant)
            ? instant
            : null;

    /// <summary>The items of an array field; a missing or null field has none.</summary>
    public static IEnumerable<JsonElement> GetArray(JsonElement element, string name) =>
        JsonFields.GetArray(element, name) is { } array ? array.EnumerateArray() : [];

    /// <summary>A <c>ContentKey</c> object, <c>{"elements":[...]}</c>, checked against Nessie's key rules.</summary>
    public static ContentKey ParseKey(JsonElement element)
    {
        JsonFields.RequireObject(element, "a content key");
        var elements = JsonFields.GetStrings(element, "elements");
        var error = ContentKey.Validate(elements);
        return error is null ? ContentKey.Of(elements) : throw new FormatException($"a content key is invalid: {error}");
    }

    public static ContentKey RequireKey(JsonElement element, string name) =>
        JsonFields.GetObject(element, name) is { } key ? ParseKey(key) : throw new FormatException($"the field '{name}' is missing");

    public static void WriteKey(Utf8JsonWriter writer, string propertyName, ContentKey key)
    {
        writer.WritePropertyName(propertyName);
        WriteKey(writer, key);
    }

    public static void WriteKey(Utf8JsonWriter writer, ContentKey key)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("elements");
        foreach (var element in key.Elements)
        {
            writer.WriteStringValue(element);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
