using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.Aws;

/// <summary>
/// Reads members of JSON 1.1 payloads by their model names. An absent or null member is null (an empty list for
/// lists); a member of the wrong type throws <see cref="FormatException"/> naming it, never its value (a payload may
/// hold a secret). Pure: no I/O.
/// </summary>
internal static class AwsJson
{
    public static string? String(JsonElement json, string name) =>
        Member(json, name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name, "a string")
            : null;

    public static string RequiredString(JsonElement json, string name) =>
        String(json, name) ?? throw new FormatException($"'{name}' is missing");

    public static bool? Boolean(JsonElement json, string name) =>
        Member(json, name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Wrong(name, "a boolean"),
            }
            : null;

    public static long? Long(JsonElement json, string name) =>
        Member(json, name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Wrong(name, "an integer")
            : null;

    public static int? Int(JsonElement json, string name) =>
        Member(json, name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Wrong(name, "an integer")
            : null;

    /// <summary>
    /// A timestamp: JSON 1.1 sends epoch seconds as a number (<c>1562619583.565</c>). An ISO 8601 string is accepted
    /// too, as botocore's parser does: moto sends some timestamps that way.
    /// </summary>
    public static DateTimeOffset? Timestamp(JsonElement json, string name)
    {
        if (Member(json, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000m, MidpointRounding.AwayFromZero));
        }

        if (value.ValueKind == JsonValueKind.String &&
            DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        throw Wrong(name, "a timestamp");
    }

    public static T? Object<T>(JsonElement json, string name, Func<JsonElement, T> parse)
        where T : class =>
        Member(json, name) is { } value
            ? value.ValueKind == JsonValueKind.Object ? parse(value) : throw Wrong(name, "an object")
            : null;

    public static IReadOnlyList<T> List<T>(JsonElement json, string name, Func<JsonElement, T> parse)
    {
        if (Member(json, name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "a list");
        }

        return [.. value.EnumerateArray().Select(parse)];
    }

    public static IReadOnlyList<string> Strings(JsonElement json, string name) =>
        List(json, name, item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Wrong(name, "a list of strings"));

    public static IReadOnlyDictionary<string, T> Map<T>(JsonElement json, string name, Func<JsonElement, T> parse)
    {
        if (Member(json, name) is not { } value)
        {
            return new Dictionary<string, T>(StringComparer.Ordinal);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(name, "a map");
        }

        return value.EnumerateObject().ToDictionary(p => p.Name, p => parse(p.Value), StringComparer.Ordinal);
    }

    private static JsonElement? Member(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static FormatException Wrong(string name, string expected) => new($"'{name}' is not {expected}");
}
