using System.Globalization;
using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>Writes the V2 JSON shapes of api-facts A.5, field by field.</summary>
internal static class NessieFakeJson
{
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

    public static void WriteKey(Utf8JsonWriter writer, string name, ContentKey key)
    {
        writer.WritePropertyName(name);
        WriteKey(writer, key);
    }

    /// <summary><c>{"type":"BRANCH","name":"main","hash":"..."}</c>; a detached reference has no name.</summary>
    public static void WriteReference(Utf8JsonWriter writer, string type, string? name, string hash)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        if (type != "DETACHED" && name is not null)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("hash", hash);
        writer.WriteEndObject();
    }

    public static void WriteReference(Utf8JsonWriter writer, string property, string type, string? name, string hash)
    {
        writer.WritePropertyName(property);
        WriteReference(writer, type, name, hash);
    }

    public static void WriteConflict(Utf8JsonWriter writer, NessieFakeConflict conflict)
    {
        writer.WriteStartObject();
        writer.WriteString("conflictType", conflict.ConflictType);
        if (conflict.Key is not null)
        {
            WriteKey(writer, "key", conflict.Key);
        }

        writer.WriteString("message", conflict.Message);
        writer.WriteEndObject();
    }

    /// <summary>CommitMeta, V2 form (<c>authors</c>, <c>allSignedOffBy</c>, <c>allProperties</c>, <c>parentCommitHashes</c>).</summary>
    public static void WriteCommitMeta(Utf8JsonWriter writer, NessieFakeCommit commit)
    {
        var meta = commit.Meta;
        writer.WriteStartObject();
        writer.WriteString("hash", commit.Hash);
        writer.WriteString("committer", meta.Committer);
        WriteStrings(writer, "authors", meta.Authors);
        WriteStrings(writer, "allSignedOffBy", []);
        writer.WriteString("message", meta.Message);
        writer.WriteString("commitTime", Instant(meta.CommitTime));
        writer.WriteString("authorTime", Instant(meta.AuthorTime));
        writer.WriteStartObject("allProperties");
        foreach (var (name, values) in meta.Properties)
        {
            WriteStrings(writer, name, values);
        }

        writer.WriteEndObject();
        WriteStrings(writer, "parentCommitHashes", commit.Parents);
        writer.WriteEndObject();
    }

    public static void WriteOperation(Utf8JsonWriter writer, NessieFakeOperation operation)
    {
        writer.WriteStartObject();
        writer.WriteString("type", operation.Type);
        WriteKey(writer, "key", operation.Key);
        if (operation.Content is not null)
        {
            writer.WritePropertyName("content");
            operation.Content.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>An instant as Java's <c>Instant.toString()</c> writes it (ISO-8601 UTC, fraction only when non-zero).</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
