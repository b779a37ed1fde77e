using System.Text.Json;
using LakehouseManager.Http;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>The operation kinds of a commit (discriminator <c>type</c>).</summary>
internal enum NessieOperationKind
{
    Put,
    Delete,
    Unchanged,
}

/// <summary>
/// One operation of a commit (api-facts A.5): <c>{"type":"PUT","key":...,"content":...}</c>,
/// <c>{"type":"DELETE","key":...}</c>, <c>{"type":"UNCHANGED","key":...}</c>.
/// </summary>
internal sealed record NessieOperation(NessieOperationKind Kind, ContentKey Key, NessieContent? Content)
{
    /// <summary>Puts content at a key: without a content id to create it, with the existing id to update it.</summary>
    public static NessieOperation Put(ContentKey key, NessieContent content) =>
        new(NessieOperationKind.Put, key, content ?? throw new ArgumentNullException(nameof(content)));

    public static NessieOperation Delete(ContentKey key) => new(NessieOperationKind.Delete, key, null);

    public static NessieOperation Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "an operation");
        var key = NessieJson.RequireKey(json, "key");
        return JsonFields.RequireString(json, "type") switch
        {
            "PUT" => new NessieOperation(
                NessieOperationKind.Put,
                key,
                JsonFields.GetObject(json, "content") is { } content
                    ? NessieContent.Parse(content)
                    : throw new FormatException("a PUT operation has no content")),
            "DELETE" => Delete(key),
            "UNCHANGED" => new NessieOperation(NessieOperationKind.Unchanged, key, null),
            var other => throw new FormatException($"the operation type '{other}' is not PUT, DELETE or UNCHANGED"),
        };
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", Kind switch
        {
            NessieOperationKind.Put => "PUT",
            NessieOperationKind.Delete => "DELETE",
            _ => "UNCHANGED",
        });
        NessieJson.WriteKey(writer, "key", Key);
        if (Content is not null)
        {
            writer.WritePropertyName("content");
            Content.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
