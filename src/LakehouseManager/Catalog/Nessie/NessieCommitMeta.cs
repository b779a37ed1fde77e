using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// CommitMeta in its V2 form (api-facts A.5): <c>authors</c> and <c>allProperties</c> are lists; the server also sends
/// (and accepts) the V1 <c>author</c> and <c>properties</c>, which are read when the V2 fields are absent.
/// </summary>
internal sealed record NessieCommitMeta(string Message)
{
    public string? Hash { get; init; }

    public string? Committer { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? CommitTime { get; init; }

    public DateTimeOffset? AuthorTime { get; init; }

    public IReadOnlyList<string> ParentCommitHashes { get; init; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public static NessieCommitMeta Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "the commit metadata");
        var authors = JsonFields.GetStrings(json, "authors");
        if (authors.Count == 0 && JsonFields.GetString(json, "author") is { } author)
        {
            authors = [author];
        }

        var properties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (JsonFields.GetObject(json, "allProperties") is { } all)
        {
            foreach (var property in all.EnumerateObject())
            {
                properties[property.Name] = JsonFields.GetStrings(all, property.Name);
            }
        }
        else if (JsonFields.GetObject(json, "properties") is { } v1)
        {
            foreach (var property in v1.EnumerateObject())
            {
                properties[property.Name] = [property.Value.GetString() ?? ""];
            }
        }

        return new NessieCommitMeta(JsonFields.GetString(json, "message") ?? "")
        {
            Hash = JsonFields.GetString(json, "hash"),
            Committer = JsonFields.GetString(json, "committer"),
            Authors = authors,
            CommitTime = NessieJson.GetInstant(json, "commitTime"),
            AuthorTime = NessieJson.GetInstant(json, "authorTime"),
            ParentCommitHashes = JsonFields.GetStrings(json, "parentCommitHashes"),
            Properties = properties,
        };
    }

    /// <summary>
    /// Writes what a client may set: the message and the authors (<c>committer</c>, <c>hash</c> and times belong to
    /// the server).
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Authors.Count > 0)
        {
            writer.WriteStartArray("authors");
            foreach (var author in Authors)
            {
                writer.WriteStringValue(author);
            }

            writer.WriteEndArray();
        }

        if (Properties.Count > 0)
        {
            writer.WriteStartObject("allProperties");
            foreach (var (name, values) in Properties)
            {
                writer.WriteStartArray(name);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
