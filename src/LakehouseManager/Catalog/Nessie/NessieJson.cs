using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// Tolerant readers for Nessie payloads: a missing or null field is null, a field of the wrong type is a
/// <see cref="FormatException"/> naming it (the client turns that into "unexpected answer").
/// </summary>
internal static class NessieJson
{
    public static JsonElement RequireObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new FormatException($"{what} is not a JSON object");

    public static string RequireString(JsonElement element, string name) =>
        GetString(element, name) ?? throw new FormatException($"the field '{name}' is missing");

    public static string? GetString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"the field '{name}' is not a string");
    }

    public static bool GetBoolean(JsonElement element, string name, bool fallback = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"the field '{name}' is not a boolean"),
        };
    }

    public static long? GetInt64(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"the field '{name}' is not an integer");
    }

    /// <summary>A field that Nessie types as a long for one content type and a string for another (UDF versionId).</summary>
    public static string? GetScalarText(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"the field '{name}' is not a string or number"),
        };
    }

    public static DateTimeOffset? GetInstant(JsonElement element, string name) =>
        GetString(element, name) is { } text && DateTimeOffset.TryParse(
            text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
            out var instant)
            ? instant
            : null;

    public static IEnumerable<JsonElement> GetArray(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"the field '{name}' is not an array");
    }

    public static IReadOnlyList<string> GetStrings(JsonElement element, string name) =>
        [.. GetArray(element, name).Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new FormatException($"the field '{name}' holds a value that is not a string"))];

    public static JsonElement? GetObject(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"the field '{name}' is not an object");
    }

    /// <summary>A <c>ContentKey</c> object, <c>{"elements":[...]}</c>, checked against Nessie's key rules.</summary>
    public static ContentKey ParseKey(JsonElement element)
    {
        RequireObject(element, "a content key");
        var elements = GetStrings(element, "elements");
        var error = ContentKey.Validate(elements);
        return error is null ? ContentKey.Of(elements) : throw new FormatException($"a content key is invalid: {error}");
    }

    public static ContentKey RequireKey(JsonElement element, string name) =>
        GetObject(element, name) is { } key ? ParseKey(key) : throw new FormatException($"the field '{name}' is missing");

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
