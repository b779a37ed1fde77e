using System.Text.Json;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>Entries (paged, CEL, key ranges, content on request) and contents, single and bulk.</summary>
public sealed partial class NessieFake
{
    private NessieFakeAnswer GetEntries(Call call)
    {
        var (name, hash) = call.Ref();
        var (reference, commit) = Repository.Resolve(name, hash);
        var withContent = call.Flag("content");
        var filter = call.Single("filter");
        var keys = call.All("key").Select(ParseKey).ToHashSet();
        var minKey = call.Single("min-key") is { } min ? ParseKey(min) : null;
        var maxKey = call.Single("max-key") is { } max ? ParseKey(max) : null;
        var prefix = call.Single("prefix-key") is { } p ? ParseKey(p) : null;
        var entries = commit.Tree.Where(e =>
            (keys.Count == 0 || keys.Contains(e.Key)) &&
            (minKey is null || e.Key.CompareTo(minKey) >= 0) &&
            (maxKey is null || e.Key.CompareTo(maxKey) <= 0) &&
            (prefix is null || StartsWith(e.Key, prefix)) &&
            (filter is null || NessieFakeCel.Matches(filter, new Dictionary<string, string?>
            {
                ["entry.namespace"] = string.Join('.', e.Key.Namespace),
                ["entry.contentType"] = e.Value.Type,
                ["entry.name"] = e.Key.Name,
                ["entry.key"] = NessieFakeConflict.Dotted(e.Key),
                ["entry.encodedKey"] = NessieKeyCodec.Encode(e.Key, NessieKeyEncoding.Legacy),
            })));
        var (page, token) = NessieFakePaging.Take(entries, e => NessieKeyCodec.Encode(e.Key, NessieKeyEncoding.Legacy),
            call.Single("page-token"), PageSize(call));
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            NessieFakePaging.WritePaging(writer, token);
            WriteEffective(writer, "effectiveReference", reference, commit);
            writer.WriteStartArray("entries");
            foreach (var (key, content) in page)
            {
                writer.WriteStartObject();
                NessieFakeJson.WriteKey(writer, "name", key);
                writer.WriteString("type", content.Type);
                writer.WriteString("contentId", content.Id);
                if (withContent)
                {
                    writer.WritePropertyName("content");
                    content.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private NessieFakeAnswer GetContent(Call call)
    {
        var (name, hash) = call.Ref();
        var (reference, commit) = Repository.Resolve(name, hash);
        var key = ParseKey(Uri.UnescapeDataString(call.Match.Groups["key"].Value));
        var content = commit.Tree.GetValueOrDefault(key) ??
            throw NessieFakeError.ContentNotFound(key, reference?.Name ?? commit.Hash);
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("content");
            content.WriteTo(writer);
            WriteEffective(writer, "effectiveReference", reference, commit);
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET contents?key=...</c> and <c>POST contents</c> with <c>{"requestedKeys":[...]}</c>: absent keys are left out.</summary>
    private NessieFakeAnswer GetContents(Call call)
    {
        var (name, hash) = call.Ref();
        var (reference, commit) = Repository.Resolve(name, hash);
        var keys = new List<ContentKey>();
        if (string.IsNullOrWhiteSpace(call.Body))
        {
            keys.AddRange(call.All("key").Select(ParseKey));
        }
        else
        {
            using var document = call.Json();
            if (!document.RootElement.TryGetProperty("requestedKeys", out var requested) || requested.ValueKind != JsonValueKind.Array)
            {
                throw NessieFakeError.BadRequest("getMultipleContents.request.requestedKeys: must not be null");
            }

            keys.AddRange(requested.EnumerateArray().Select(KeyFromJson));
        }

        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("contents");
            foreach (var key in keys.Distinct())
            {
                if (commit.Tree.TryGetValue(key, out var content))
                {
                    writer.WriteStartObject();
                    NessieFakeJson.WriteKey(writer, "key", key);
                    writer.WritePropertyName("content");
                    content.WriteTo(writer);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            WriteEffective(writer, "effectiveReference", reference, commit);
            writer.WriteEndObject();
        });
    }

    private static bool StartsWith(ContentKey key, ContentKey prefix) =>
        key.Elements.Length >= prefix.Elements.Length &&
        key.Elements.Take(prefix.Elements.Length).SequenceEqual(prefix.Elements, StringComparer.Ordinal);

    /// <summary>A <c>{"elements":[...]}</c> object from a request body.</summary>
    private static ContentKey KeyFromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("elements", out var elements) ||
            elements.ValueKind != JsonValueKind.Array)
        {
            throw NessieFakeError.BadRequest("A content key must be an object with 'elements'.");
        }

        var list = elements.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var error = ContentKey.Validate(list);
        return error is null ? ContentKey.Of(list) : throw NessieFakeError.BadRequest($"Invalid content key: {error}");
    }
}
