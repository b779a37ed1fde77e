using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Reporting;

/// <summary>
/// The shape every JSON report in <c>artifacts/</c> shares: indented, unicode kept readable, one trailing newline, and
/// views written the same way (their SQL path and their key elements).
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> on a fresh writer and returns the document it wrote.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes <c>"view": "a.b.v"</c> and <c>"key": ["a", "b", "v"]</c> into the current object.</summary>
    public static void WriteKey(Utf8JsonWriter writer, ContentKey key)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(key);
        writer.WriteString("view", key.ToSqlPath());
        writer.WriteStartArray("key");
        foreach (var element in key.Elements)
        {
            writer.WriteStringValue(element);
        }

        writer.WriteEndArray();
    }

    /// <summary>An enum value as the reports spell it: camelCase (<c>ConflictsWithCatalog</c> is <c>conflictsWithCatalog</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
