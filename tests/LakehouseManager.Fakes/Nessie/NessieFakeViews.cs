using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// Writes to the fake's catalog the way Dremio does: every view's SQL in an Iceberg view metadata file (spec V1) on
/// disk, the Nessie content an <c>ICEBERG_VIEW</c> with a <c>file://</c> metadataLocation and Dremio's placeholder in
/// <c>sqlText</c>, and commit messages in Dremio's form (<c>CREATE VIEW x</c>, <c>ALTER on VIEW x</c>,
/// <c>DROP VIEW x</c>; api-facts B.4, <c>IcebergCommitOrigin</c>). Each method commits at the branch's head and returns
/// the new head hash.
/// </summary>
public sealed class NessieFakeViews
{
    /// <summary>What Dremio writes into Nessie's deprecated sqlText (dremio-oss <c>NessieClientImpl</c>).</summary>
    public const string PlaceholderSqlText = "Actual view text is stored in Iceberg ViewMetadata in storage";

    public const string PlaceholderDialect = "ICEBERG_METADATA";

    private readonly NessieFakeRepository _repository;
    private readonly string _folder;
    private long _files;

    internal NessieFakeViews(NessieFakeRepository repository, string folder)
    {
        _repository = repository;
        _folder = folder;
    }

    /// <summary>Creates namespaces (Dremio folders), each missing ancestor included, in one commit.</summary>
    public string CreateNamespace(string branch, params string[] elements)
    {
        var key = ContentKey.Of(elements);
        var operations = MissingNamespaces(branch, key, includeSelf: true);
        return operations.Count == 0
            ? _repository.Head(branch).Hash
            : Commit(branch, $"CREATE FOLDER {NessieFakeConflict.Dotted(key)}", operations);
    }

    /// <summary>
    /// <c>CREATE VIEW</c>: writes the metadata file and commits the view, with any missing namespace of its key.
    /// <paramref name="placeholder"/> false writes the SQL itself into sqlText (a Nessie written by another engine).
    /// </summary>
    public string CreateView(string branch, ContentKey key, string sql, bool placeholder = true)
    {
        var location = WriteMetadata(NewViewId(), key, sql, version: 1, previousLocation: null);
        var operations = MissingNamespaces(branch, key, includeSelf: false);
        operations.Add(NessieFakeOperationRequest.Put(key, null, id => View(id, location, 1, sql, placeholder)));
        return Commit(branch, $"CREATE VIEW {NessieFakeConflict.Dotted(key)}", operations);
    }

    /// <summary>
    /// <c>CREATE VIEW</c> for many views, one commit each, as <see cref="CreateView"/> would make them; the metadata
    /// files are written in parallel first (creating files is what seeding a large catalog costs). Returns the head.
    /// </summary>
    public string CreateViews(string branch, IReadOnlyList<(ContentKey Key, string Sql)> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        var prepared = views.Select(v => (v.Key, v.Sql, ViewId: NewViewId(), File: Interlocked.Increment(ref _files))).ToList();
        var locations = new string[prepared.Count];
        Parallel.For(0, prepared.Count, i =>
            locations[i] = WriteMetadataFile(prepared[i].ViewId, prepared[i].File, prepared[i].Key, prepared[i].Sql, 1, null));
        var head = _repository.Head(branch).Hash;
        for (var i = 0; i < prepared.Count; i++)
        {
            var (key, sql, _, _) = prepared[i];
            var location = locations[i];
            var operations = MissingNamespaces(branch, key, includeSelf: false);
            operations.Add(NessieFakeOperationRequest.Put(key, null, id => View(id, location, 1, sql, placeholder: true)));
            head = Commit(branch, $"CREATE VIEW {NessieFakeConflict.Dotted(key)}", operations);
        }

        return head;
    }

    /// <summary><c>ALTER VIEW</c>: a new metadata file (version + 1, earlier versions kept) and the same content id.</summary>
    public string AlterView(string branch, ContentKey key, string sql, bool placeholder = true)
    {
        var current = _repository.ContentAt(branch, key) ?? throw NessieFakeError.ContentNotFound(key, branch);
        var version = (current.VersionId ?? 1) + 1;
        var viewId = Path.GetFileName(new Uri(current.MetadataLocation!).LocalPath).Split('-')[0];
        var location = WriteMetadata(viewId, key, sql, version, current.MetadataLocation);
        return Commit(branch, $"ALTER on VIEW {NessieFakeConflict.Dotted(key)}",
            [NessieFakeOperationRequest.Put(key, current.Id, id => View(id, location, version, sql, placeholder))]);
    }

    /// <summary><c>DROP VIEW</c>.</summary>
    public string DropView(string branch, ContentKey key) =>
        Commit(branch, $"DROP VIEW {NessieFakeConflict.Dotted(key)}", [NessieFakeOperationRequest.Delete(key)]);

    /// <summary>Renames a view: one commit that deletes the old key and puts the same content id at the new one.</summary>
    public string RenameView(string branch, ContentKey from, ContentKey to)
    {
        var current = _repository.ContentAt(branch, from) ?? throw NessieFakeError.ContentNotFound(from, branch);
        var operations = MissingNamespaces(branch, to, includeSelf: false);
        operations.Add(NessieFakeOperationRequest.Delete(from));
        operations.Add(NessieFakeOperationRequest.Put(to, current.Id, id => View(id, current.MetadataLocation!,
            current.VersionId ?? 1, current.SqlText, placeholder: current.SqlText == PlaceholderSqlText)));
        return Commit(branch, $"ALTER on VIEW {NessieFakeConflict.Dotted(from)}", operations);
    }

    /// <summary><c>CREATE TABLE</c>: an Iceberg table (content that is not a view).</summary>
    public string CreateTable(string branch, ContentKey key)
    {
        var operations = MissingNamespaces(branch, key, includeSelf: false);
        var location = new Uri(Path.Combine(_folder, "metadata", $"t{Interlocked.Increment(ref _files):D6}-00000.metadata.json")).AbsoluteUri;
        operations.Add(NessieFakeOperationRequest.Put(key, null, id => NessieFakeContent.IcebergTable(id, location)));
        return Commit(branch, $"CREATE TABLE {NessieFakeConflict.Dotted(key)}", operations);
    }

    /// <summary>Deletes the current metadata file of a view: its SQL can no longer be read, by the tool or by Dremio.</summary>
    public void MakeUnreadable(string branch, ContentKey key)
    {
        var current = _repository.ContentAt(branch, key) ?? throw NessieFakeError.ContentNotFound(key, branch);
        File.Delete(new Uri(current.MetadataLocation!).LocalPath);
    }

    /// <summary>
    /// The SQL of a view content as Dremio reads it (its metadata file's current version), or the error Dremio reports
    /// when the file cannot be read.
    /// </summary>
    public static (string? Sql, string? Error) ReadSql(NessieFakeContent content)
    {
        if (content.MetadataLocation is not { } location || !Uri.TryCreate(location, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return (null, $"Cannot read view metadata at '{content.MetadataLocation}'.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(uri.LocalPath));
            var root = document.RootElement;
            var current = root.GetProperty("current-version-id").GetInt64();
            var version = root.GetProperty("versions").EnumerateArray().First(v => v.GetProperty("version-id").GetInt64() == current);
            return (version.GetProperty("representations")[0].GetProperty("sql").GetString(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"Failed to load the view metadata from {location}: {e.GetType().Name}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"The view metadata at {location} is not valid: {e.Message}");
        }
    }

    /// <summary>Commits operations at the branch's head with a message; returns the new head.</summary>
    public string Commit(string branch, string message, IReadOnlyList<NessieFakeOperationRequest> operations)
    {
        var head = _repository.Head(branch).Hash;
        var (commit, _) = _repository.Commit(branch, head, new NessieFakeCommitMetaRequest(message, ["dremio-fake@example.com"]), operations);
        return commit.Hash;
    }

    private static NessieFakeContent View(string id, string location, long version, string? sql, bool placeholder) =>
        NessieFakeContent.IcebergView(id, location, version,
            placeholder ? PlaceholderSqlText : sql, placeholder ? PlaceholderDialect : "DremioSQL");

    private List<NessieFakeOperationRequest> MissingNamespaces(string branch, ContentKey key, bool includeSelf)
    {
        var operations = new List<NessieFakeOperationRequest>();
        var last = includeSelf ? key.Elements.Length : key.Elements.Length - 1;
        for (var length = 1; length <= last; length++)
        {
            var prefix = ContentKey.Of(key.Elements.Take(length));
            if (_repository.ContentAt(branch, prefix) is null)
            {
                var elements = prefix.Elements;
                operations.Add(NessieFakeOperationRequest.Put(prefix, null, id => NessieFakeContent.Namespace(id, elements)));
            }
        }

        return operations;
    }

    private string NewViewId() => $"v{Interlocked.Increment(ref _files):D6}";

    /// <summary>
    /// Writes an Iceberg view metadata V1 file and returns its <c>file://</c> URL. All files share one folder
    /// (<c>metadata/{view}-{version}-{n}.metadata.json</c>): a seeded catalog of 10,000 views then costs 10,000 files to
    /// write and to delete, not 30,000 file system entries.
    /// </summary>
    private string WriteMetadata(string viewId, ContentKey key, string sql, long version, string? previousLocation) =>
        WriteMetadataFile(viewId, Interlocked.Increment(ref _files), key, sql, version, previousLocation);

    private string WriteMetadataFile(string viewId, long n, ContentKey key, string sql, long version, string? previousLocation)
    {
        var metadata = Path.Combine(_folder, "metadata");
        Directory.CreateDirectory(metadata);
        var path = Path.Combine(metadata, $"{viewId}-{version - 1:D5}-{n:D6}.metadata.json");
        var timestamp = DateTimeOffset.UnixEpoch.AddSeconds(n).ToUnixTimeMilliseconds();
        var versions = new JsonArray();
        var log = new JsonArray();
        if (previousLocation is not null && File.Exists(new Uri(previousLocation).LocalPath))
        {
            var previous = JsonNode.Parse(File.ReadAllText(new Uri(previousLocation).LocalPath))!;
            foreach (var old in previous["versions"]!.AsArray())
            {
                versions.Add(old!.DeepClone());
            }

            foreach (var old in previous["version-log"]!.AsArray())
            {
                log.Add(old!.DeepClone());
            }
        }

        versions.Add(new JsonObject
        {
            ["version-id"] = version,
            ["schema-id"] = 0,
            ["timestamp-ms"] = timestamp,
            ["summary"] = new JsonObject { ["engine-name"] = "Dremio", ["engine-version"] = "25.2.0" },
            ["default-namespace"] = new JsonArray([.. key.Namespace.Select(e => (JsonNode?)JsonValue.Create(e))]),
            ["representations"] = new JsonArray(new JsonObject { ["type"] = "sql", ["sql"] = sql, ["dialect"] = "DremioSQL" }),
        });
        log.Add(new JsonObject { ["version-id"] = version, ["timestamp-ms"] = timestamp });
        var document = new JsonObject
        {
            ["format-version"] = 1,
            ["view-uuid"] = Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{n:D12}")).ToString("D"),
            ["location"] = new Uri(Path.Combine(_folder, "views", viewId)).AbsoluteUri,
            ["current-version-id"] = version,
            ["versions"] = versions,
            ["version-log"] = log,
            ["schemas"] = new JsonArray(new JsonObject { ["type"] = "struct", ["schema-id"] = 0, ["fields"] = new JsonArray() }),
            ["properties"] = new JsonObject(),
        };
        File.WriteAllText(path, document.ToJsonString());
        return new Uri(path).AbsoluteUri;
    }
}
