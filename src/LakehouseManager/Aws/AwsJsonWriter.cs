using System.Text.Json;

namespace LakehouseManager.Aws;

/// <summary>
/// Writes members of JSON 1.1 inputs: absent (null) members are left out, as the AWS SDKs do, and timestamps are epoch
/// seconds (api-facts C.1).
/// </summary>
internal static class AwsJsonWriter
{
    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>A timestamp as epoch seconds with milliseconds, e.g. <c>1704164645.5</c>.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeMilliseconds() / 1000m);
        }
    }

    /// <summary>A list; nothing when <paramref name="items"/> is null.</summary>
    public static void WriteOptional<T>(this Utf8JsonWriter writer, string name, IEnumerable<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>A list of strings; nothing when <paramref name="items"/> is null.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, string name, IEnumerable<string>? items) =>
        writer.WriteOptional(name, items, static (w, item) => w.WriteStringValue(item));

    /// <summary>A string map; nothing when <paramref name="map"/> is null.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A structure; nothing when <paramref name="value"/> is null.</summary>
    public static void WriteOptional<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> writeMembers)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writeMembers(writer, value);
        writer.WriteEndObject();
    }
}
