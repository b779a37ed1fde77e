using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>One SQL representation of a view version: <c>{"type":"sql","sql":"...","dialect":"spark"}</c>.</summary>
internal sealed record IcebergSqlRepresentation(string Sql, string Dialect);

/// <summary>
/// The parts of an Iceberg view metadata file (view spec V1: <c>format-version</c>, <c>current-version-id</c>,
/// <c>versions[].representations[]</c>) that hold the SQL. Pure.
/// </summary>
internal sealed record IcebergViewMetadata(int FormatVersion, long? CurrentVersionId, IReadOnlyDictionary<long, IReadOnlyList<IcebergSqlRepresentation>> Versions)
{
    /// <summary>The dialects tried first, in order (Dremio's reader, api-facts B.4); then any other.</summary>
    public static readonly IReadOnlyList<string> PreferredDialects = ["DREMIO", "DremioSQL", "Spark"];

    /// <summary>Reads a metadata file's JSON; throws <see cref="FormatException"/> when it is not view metadata V1.</summary>
    public static IcebergViewMetadata Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the file is not a JSON object");
        }

        if (!root.TryGetProperty("format-version", out var format) || !format.TryGetInt32(out var formatVersion))
        {
            throw new FormatException("the file has no format-version (not Iceberg view metadata)");
        }

        if (!root.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the file has no versions list (not Iceberg view metadata V1)");
        }

        var byId = new Dictionary<long, IReadOnlyList<IcebergSqlRepresentation>>();
        foreach (var version in versions.EnumerateArray())
        {
            if (!version.TryGetProperty("version-id", out var id) || !id.TryGetInt64(out var versionId))
            {
                throw new FormatException("a version has no version-id");
            }

            var representations = new List<IcebergSqlRepresentation>();
            if (version.TryGetProperty("representations", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var representation in list.EnumerateArray())
                {
                    if (Text(representation, "type") == "sql" && Text(representation, "sql") is { } sql)
                    {
                        representations.Add(new IcebergSqlRepresentation(sql, Text(representation, "dialect") ?? ""));
                    }
                }
            }

            byId[versionId] = representations;
        }

        long? current = root.TryGetProperty("current-version-id", out var currentId) && currentId.TryGetInt64(out var c) ? c : null;
        return new IcebergViewMetadata(formatVersion, current, byId);
    }

    /// <summary>
    /// The SQL of the current version of view <paramref name="key"/>: the first representation of a preferred dialect
    /// (compared without case), else the first SQL representation of any dialect.
    /// </summary>
    public ViewSql CurrentSql(ContentKey key)
    {
        if (CurrentVersionId is not { } current || !Versions.TryGetValue(current, out var representations))
        {
            return new ViewSql.Unresolved(key, "the metadata file names no current version that it holds");
        }

        foreach (var dialect in PreferredDialects)
        {
            var match = representations.FirstOrDefault(r => string.Equals(r.Dialect, dialect, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return new ViewSql.Resolved(key, match.Sql);
            }
        }

        return representations.Count > 0
            ? new ViewSql.Resolved(key, representations[0].Sql)
            : new ViewSql.Unresolved(key, $"the current version {current} has no SQL representation");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
