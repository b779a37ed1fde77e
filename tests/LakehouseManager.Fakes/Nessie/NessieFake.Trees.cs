using System.Text.Json;

namespace LakehouseManager.Fakes.Nessie;

/// <summary><c>GET config</c> and the references: list (CEL, paged, fetch=ALL), get, create, delete.</summary>
public sealed partial class NessieFake
{
    private readonly DateTimeOffset _created = DateTimeOffset.UtcNow;

    private NessieFakeAnswer GetConfig(Call call) => NessieFakeAnswer.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("defaultBranch", Options.DefaultBranch);
        writer.WriteNumber("minSupportedApiVersion", 1);
        writer.WriteNumber("maxSupportedApiVersion", 2);
        writer.WriteNumber("actualApiVersion", 2);
        writer.WriteString("specVersion", SpecVersion);
        writer.WriteString("noAncestorHash", NessieFakeRepository.NoAncestorHash);
        writer.WriteString("repositoryCreationTimestamp", NessieFakeJson.Instant(_created));
        writer.WriteString("oldestPossibleCommitTimestamp", NessieFakeJson.Instant(_created));
        writer.WriteEndObject();
    });

    private NessieFakeAnswer ListReferences(Call call)
    {
        var fetchAll = string.Equals(call.Single("fetch"), "ALL", StringComparison.OrdinalIgnoreCase);
        var filter = call.Single("filter");
        var matching = Repository.References.Where(r => (filter is null || NessieFakeCel.Matches(filter, new Dictionary<string, string?>
        {
            ["refType"] = r.Type,
            ["ref.name"] = r.Name,
            ["ref.hash"] = r.Hash,
        })));
        var (page, token) = NessieFakePaging.Take(matching, r => r.Name, call.Single("page-token"), PageSize(call));
        return NessieFakeAnswer.Json(writer =>
        {
            writer.WriteStartObject();
            NessieFakePaging.WritePaging(writer, token);
            writer.WriteStartArray("references");
            foreach (var reference in page)
            {
                WriteReferenceWithMetadata(writer, reference, fetchAll);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private NessieFakeAnswer GetReference(Call call)
    {
        var (name, hash) = call.Ref();
        if (hash is not null || name is null)
        {
            throw NessieFakeError.BadRequest("Reference names in this call must not carry a hash.");
        }

        var reference = Repository.FindReference(name == "-" ? Options.DefaultBranch : name) ??
            throw NessieFakeError.ReferenceNotFound(name);
        var fetchAll = string.Equals(call.Single("fetch"), "ALL", StringComparison.OrdinalIgnoreCase);
        return SingleReference(reference, fetchAll);
    }

    private NessieFakeAnswer CreateReference(Call call)
    {
        var name = call.Single("name") ?? throw NessieFakeError.BadRequest("createReference.name: must not be null");
        var type = call.Single("type") ?? throw NessieFakeError.BadRequest("createReference.type: must not be null");
        if (type is not ("BRANCH" or "branch" or "TAG" or "tag"))
        {
            throw NessieFakeError.BadRequest($"createReference.type: must match \"BRANCH|branch|TAG|tag\", but was '{type}'");
        }

        if (LakehouseManager.Naming.RefName.ValidateForNessie(name) is not null)
        {
            throw NessieFakeError.BadRequest(
                $"Reference name must start with a letter, followed by letters, digits, one of the ./_- characters, " +
                $"not end with a slash or dot, not contain '..' - but was: {name}");
        }

        using var document = call.Json();
        var source = document.RootElement;
        var sourceHash = source.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        if (string.IsNullOrEmpty(sourceHash))
        {
            throw NessieFakeError.BadRequest("Target hash must be provided.");
        }

        var sourceName = source.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var (_, commit) = Repository.Resolve(sourceName, sourceHash);
        var created = Repository.CreateReference(name, type.ToUpperInvariant(), commit.Hash);
        return SingleReference(created, fetchAll: false);
    }

    private NessieFakeAnswer DeleteReference(Call call)
    {
        var (name, hash) = call.Ref();
        if (name is null)
        {
            throw NessieFakeError.BadRequest("A reference name is required.");
        }

        if (hash is null)
        {
            throw NessieFakeError.BadRequest("Expected hash must be provided.");
        }

        var deleted = Repository.DeleteReference(name, hash, call.Single("type"));
        return SingleReference(deleted, fetchAll: false);
    }

    private NessieFakeAnswer SingleReference(NessieFakeReference reference, bool fetchAll) => NessieFakeAnswer.Json(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("reference");
        WriteReferenceWithMetadata(writer, reference, fetchAll);
        writer.WriteEndObject();
    });

    private void WriteReferenceWithMetadata(Utf8JsonWriter writer, NessieFakeReference reference, bool fetchAll)
    {
        writer.WriteStartObject();
        writer.WriteString("type", reference.Type);
        writer.WriteString("name", reference.Name);
        writer.WriteString("hash", reference.Hash);
        if (fetchAll)
        {
            var (ahead, behind, ancestor, total) = Repository.CompareWithDefault(reference);
            var head = Repository.FindCommit(reference.Hash)!;
            writer.WriteStartObject("metadata");
            if (reference.IsBranch)
            {
                writer.WriteNumber("numCommitsAhead", ahead);
                writer.WriteNumber("numCommitsBehind", behind);
                writer.WriteString("commonAncestorHash", ancestor);
            }

            writer.WriteNumber("numTotalCommits", total);
            if (head.Hash != NessieFakeRepository.NoAncestorHash)
            {
                writer.WritePropertyName("commitMetaOfHEAD");
                NessieFakeJson.WriteCommitMeta(writer, head);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private int PageSize(Call call)
    {
        var requested = call.Int("max-records") ?? Options.DefaultPageSize;
        return requested < 1 ? Options.DefaultPageSize : Math.Min(requested, Options.MaxPageSize);
    }

    private static void WriteEffective(Utf8JsonWriter writer, string property, NessieFakeReference? reference, NessieFakeCommit commit)
    {
        if (reference is null)
        {
            NessieFakeJson.WriteReference(writer, property, "DETACHED", null, commit.Hash);
        }
        else
        {
            NessieFakeJson.WriteReference(writer, property, reference.Type, reference.Name, commit.Hash);
        }
    }
}
