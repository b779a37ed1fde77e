namespace LakehouseManager.Fakes.Nessie;

/// <summary><c>GET trees/{ref}/history</c>: the commit log along direct parents, paged, operations with fetch=ALL.</summary>
public sealed partial class NessieFake
{
    private NessieFakeAnswer GetHistory(Call call)
    {
        var (name, hash) = call.Ref();
        var (_, commit) = Repository.Resolve(name, hash);
        var fetchAll = string.Equals(call.Single("fetch"), "ALL", StringComparison.OrdinalIgnoreCase);
        var limitHash = call.Single("limit-hash")?.ToLowerInvariant();
        var filter = call.Single("filter");
        var log = Repository.Log(commit);
        if (limitHash is not null)
        {
            var stop = log.FindIndex(c => c.Hash == limitHash);
            if (stop < 0)
            {
                throw NessieFakeError.CommitNotInReference(limitHash, name ?? commit.Hash);
            }

            log = log.Take(stop + 1).ToList();
        }

        var matching = log.Where(c => (filter is null || NessieFakeCel.Matches(filter, new Dictionary<string, string?>
        {
            ["commit.message"] = c.Meta.Message,
            ["commit.committer"] = c.Meta.Committer,
            ["commit.author"] = c.Meta.Authors.FirstOrDefault() ?? "",
            ["commit.hash"] = c.Hash,
        })));
        var (page, token) = NessieFakePaging.Take(matching, c => c.Hash, call.Single("page-token"), PageSize(call));
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            NessieFakePaging.WritePaging(writer, token);
            writer.WriteStartArray("logEntries");
            foreach (var entry in page)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("commitMeta");
                NessieFakeJson.WriteCommitMeta(writer, entry);
                writer.WriteString("parentCommitHash", entry.DirectParent);
                if (fetchAll)
                {
                    writer.WriteStartArray("operations");
                    foreach (var operation in entry.Operations)
                    {
                        NessieFakeJson.WriteOperation(writer, operation);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
