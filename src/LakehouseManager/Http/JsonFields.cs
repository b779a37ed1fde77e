using System.Text.Json;

namespace LakehouseManager.Http;

/// <summary>
/// Tolerant readers for the fields of a JSON answer (Nessie, Dremio): a missing or null field is null (or the
/// fallback), a field of the wrong type is a <see cref="FormatException"/> naming it, which each client turns into its
/// own "unexpected answer" error.
/// </summary>
internal static class JsonFields
{
    public static JsonElement RequireObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new FormatException($"{what} is not a JSON object");

    public static string RequireString(JsonElement element, string name) =>
        GetString(element, name) ?? throw new FormatException($"the field '{name}' is missing");

    public static string? GetString(JsonElement element, string name) =>
        Field(element, name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(name, "a string")
            : null;

    public static bool GetBoolean(JsonElement element, string name, bool fallback = false) =>
        Field(element, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw WrongType(name, "a boolean"),
            }
            : fallback;

    public static long? GetInt64(JsonElement element, string name) =>
        Field(element, name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw WrongType(name, "an integer")
            : null;

    public static JsonElement? GetObject(JsonElement element, string name) =>
        Field(element, name) is { } value
            ? value.ValueKind == JsonValueKind.Object ? value : throw WrongType(name, "an object")
            : null;

    public static JsonElement? GetArray(JsonElement element, string name) =>
        Field(element, name) is { } value
            ? value.ValueKind == JsonValueKind.Array ? value : throw WrongType(name, "an array")
            : null;

    /// <summary>The strings of an array field; a missing or null field is an empty list.</summary>
    public static IReadOnlyList<string> GetStrings(JsonElement element, string name) =>
        GetArray(element, name) is { } array
            ? [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw new FormatException($"the field '{name}' holds a value that is not a string"))]
            : [];

    /// <summary>The field's value, or null when it is missing or JSON null.</summary>
    public static JsonElement? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static FormatException WrongType(string name, string type) => new($"the field '{name}' is not {type}");
}
