namespace LakehouseManager.Fakes.Nessie;

/// <summary><c>GET trees/{from}/diff/{to}</c>: every content type, paged, with key filters.</summary>
public sealed partial class NessieFake
{
    private NessieFakeAnswer GetDiff(Call call)
    {
        var (fromName, fromHash) = call.Ref("ref");
        var (toName, toHash) = call.Ref("to");
        var (fromReference, from) = Repository.Resolve(fromName, fromHash);
        var (toReference, to) = Repository.Resolve(toName, toHash);
        var filter = call.Single("filter");
        var keys = call.All("key").Select(ParseKey).ToHashSet();
        var minKey = call.Single("min-key") is { } min ? ParseKey(min) : null;
        var maxKey = call.Single("max-key") is { } max ? ParseKey(max) : null;
        var prefix = call.Single("prefix-key") is { } p ? ParseKey(p) : null;
        var diffs = NessieFakeRepository.Diff(from.Tree, to.Tree).Where(d =>
            (keys.Count == 0 || keys.Contains(d.Key)) &&
            (minKey is null || d.Key.CompareTo(minKey) >= 0) &&
            (maxKey is null || d.Key.CompareTo(maxKey) <= 0) &&
            (prefix is null || StartsWith(d.Key, prefix)) &&
            (filter is null || NessieFakeCel.Matches(filter, new Dictionary<string, string?>
            {
                ["key"] = NessieFakeConflict.Dotted(d.Key),
                ["namespace"] = string.Join('.', d.Key.Namespace),
                ["name"] = d.Key.Name,
            })));
        var (page, token) = NessieFakePaging.Take(diffs, d => string.Join('\u001D', d.Key.Elements), call.Single("page-token"),
            PageSize(call));
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            NessieFakePaging.WritePaging(writer, token);
            WriteEffective(writer, "effectiveFromReference", fromReference, from);
            WriteEffective(writer, "effectiveToReference", toReference, to);
            writer.WriteStartArray("diffs");
            foreach (var (key, before, after) in page)
            {
                writer.WriteStartObject();
                NessieFakeJson.WriteKey(writer, "key", key);
                if (before is not null)
                {
                    writer.WritePropertyName("from");
                    before.WriteTo(writer);
                }

                if (after is not null)
                {
                    writer.WritePropertyName("to");
                    after.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
