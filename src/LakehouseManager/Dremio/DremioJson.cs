using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.Dremio;

/// <summary>Tolerant readers for Dremio payloads: a missing or null field is null, a wrong type is a clear error.</summary>
internal static class DremioJson
{
    public static JsonElement RequireObject(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{what} is not a JSON object");
        }

        return element;
    }

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

    /// <summary>Dremio writes instants as ISO-8601 strings (<c>@JsonISODateTime</c>); tolerate epoch milliseconds.</summary>
    public static DateTimeOffset? GetInstant(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when DateTimeOffset.TryParse(
                value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
            JsonValueKind.Number when value.TryGetInt64(out var millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis),
            _ => null,
        };
    }

    public static JsonElement? GetArray(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array
            ? value
            : throw new FormatException($"the field '{name}' is not an array");
    }
}
