using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// A reference (api-facts A.5): <c>{"type":"BRANCH","name":"main","hash":"..."}</c>; a detached reference has no
/// name. With <c>fetch=ALL</c> Nessie adds a <c>metadata</c> object, of which the commit counts are kept.
/// </summary>
internal sealed record NessieReference(NessieReferenceType Type, string? Name, string? Hash)
{
    /// <summary>Commits on this reference that its common ancestor with the default branch lacks (fetch=ALL only).</summary>
    public long? CommitsAhead { get; init; }

    /// <summary>Commits on the default branch since the common ancestor (fetch=ALL only).</summary>
    public long? CommitsBehind { get; init; }

    /// <summary>A branch at a hash.</summary>
    public static NessieReference Branch(string name, string hash) => new(NessieReferenceType.Branch, name, hash);

    public static NessieReference Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a reference");
        var type = NessieReferenceTypes.Parse(JsonFields.RequireString(json, "type"));
        var metadata = JsonFields.GetObject(json, "metadata");
        return new NessieReference(type, JsonFields.GetString(json, "name"), JsonFields.GetString(json, "hash"))
        {
            CommitsAhead = metadata is { } m ? JsonFields.GetInt64(m, "numCommitsAhead") : null,
            CommitsBehind = metadata is { } b ? JsonFields.GetInt64(b, "numCommitsBehind") : null,
        };
    }

    /// <summary><c>{"reference": Reference}</c> (SingleReferenceResponse).</summary>
    public static NessieReference ParseSingle(JsonElement json) =>
        Parse(JsonFields.GetObject(JsonFields.RequireObject(json, "the answer"), "reference") ??
            throw new FormatException("the field 'reference' is missing"));

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Type.ToWire());
        if (Type != NessieReferenceType.Detached && Name is not null)
        {
            writer.WriteString("name", Name);
        }

        if (Hash is not null)
        {
            writer.WriteString("hash", Hash);
        }

        writer.WriteEndObject();
    }

    public override string ToString() => Name is null ? $"@{Hash}" : Hash is null ? Name : $"{Name}@{Hash}";
}
