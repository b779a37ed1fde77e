using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// A versioned source (api-facts B.4): the catalog API at a version (<c>catalog/by-path</c>, <c>catalog/by-paths</c>),
/// <c>SHOW CREATE VIEW ... AT ...</c> and <c>INFORMATION_SCHEMA."VIEWS"</c> (default branch only, as real Dremio).
/// </summary>
public sealed partial class DremioFake
{
    private const int MaxPathsPerCall = 50;

    private static readonly Regex s_showCreateView = new(
        @"^\s*SHOW\s+CREATE\s+VIEW\s+(?<path>.+?)(?:\s+AT\s+(?<type>REF|REFERENCE|BRANCH|TAG|COMMIT)\s+(?<value>""[^""]+""|\S+))?\s*;?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex s_informationSchemaViews = new(
        @"\bFROM\s+INFORMATION_SCHEMA\s*\.\s*""?VIEWS""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Serves <paramref name="catalog"/> as the Dremio source <paramref name="sourceName"/>.</summary>
    public void ServeVersionedSource(string sourceName, IDremioFakeCatalog catalog)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        ArgumentNullException.ThrowIfNull(catalog);
        Map("GET", "^catalog/by-path/(?<path>.+)$", call => GetByPath(call, sourceName, catalog));
        Map("POST", "^catalog/by-paths$", call => GetByPaths(call, sourceName, catalog));
        OnSql(query => ShowCreateView(query, sourceName, catalog) ?? InformationSchemaViews(query, sourceName, catalog));
    }

    private static DremioFakeResponse GetByPath(DremioFakeCall call, string source, IDremioFakeCatalog catalog)
    {
        var path = call.Match.Groups["path"].Value.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToList();
        if (path.Count == 1 && path[0] == source)
        {
            return DremioFakeResponse.Json(writer => WriteSource(writer, source, catalog));
        }

        var view = Lookup(path, source, catalog, call.Query.GetValueOrDefault("versionType"), call.Query.GetValueOrDefault("versionValue"));
        return view.State switch
        {
            DremioFakeViewState.Found => DremioFakeResponse.Json(writer => WriteView(writer, source, view)),
            DremioFakeViewState.Unreadable => DremioFakeResponse.Error(HttpStatusCode.BadRequest, view.ErrorMessage!),
            DremioFakeViewState.BadVersion => DremioFakeResponse.Error(HttpStatusCode.BadRequest, view.ErrorMessage!),
            _ => NotFound(path),
        };
    }

    /// <summary>
    /// ASSUMED SHAPE (not confirmed in any Dremio source or page; see DremioClient.GetCatalogEntitiesByPathsAsync):
    /// request <c>{"paths":[[...],...]}</c>, answer <c>{"data":[objects],"errors":[{"path","errorMessage"}]}</c>; a path
    /// that does not exist is in neither list.
    /// </summary>
    private static DremioFakeResponse GetByPaths(DremioFakeCall call, string source, IDremioFakeCatalog catalog)
    {
        using var document = JsonDocument.Parse(call.Request.Body);
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Array)
        {
            return DremioFakeResponse.Error(HttpStatusCode.BadRequest, "The request must hold 'paths', a list of paths.");
        }

        if (paths.GetArrayLength() > MaxPathsPerCall)
        {
            return DremioFakeResponse.Error(HttpStatusCode.BadRequest, $"At most {MaxPathsPerCall} paths may be requested at once.");
        }

        var versionType = call.Query.GetValueOrDefault("versionType");
        var versionValue = call.Query.GetValueOrDefault("versionValue");
        var views = paths.EnumerateArray()
            .Select(p => Lookup([.. p.EnumerateArray().Select(e => e.GetString() ?? "")], source, catalog, versionType, versionValue))
            .ToList();
        return DremioFakeResponse.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var view in views.Where(v => v.State == DremioFakeViewState.Found))
            {
                WriteView(writer, source, view);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("errors");
            foreach (var view in views.Where(v => v.State is DremioFakeViewState.Unreadable or DremioFakeViewState.BadVersion))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("path");
                writer.WriteStringValue(source);
                foreach (var element in view.Path)
                {
                    writer.WriteStringValue(element);
                }

                writer.WriteEndArray();
                writer.WriteString("errorMessage", view.ErrorMessage);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static DremioFakeOutcome? ShowCreateView(DremioFakeQuery query, string source, IDremioFakeCatalog catalog)
    {
        var match = s_showCreateView.Match(query.Sql);
        if (!match.Success)
        {
            return null;
        }

        ContentKey key;
        try
        {
            key = ContentKey.ParseSqlPath(match.Groups["path"].Value.Trim());
        }
        catch (LakehouseException e)
        {
            return DremioFakeOutcome.Fails($"PARSE ERROR: {e.Message}");
        }

        if (key.Elements[0] != source)
        {
            return null;
        }

        var type = match.Groups["type"].Success ? match.Groups["type"].Value.ToUpperInvariant() : null;
        var value = match.Groups["value"].Success ? match.Groups["value"].Value.Trim('"') : null;
        if (type is null && query.References.TryGetValue(source, out var pinned))
        {
            (type, value) = (pinned.Type, pinned.Value);
        }

        var view = catalog.Lookup([.. key.Elements.Skip(1)], type, value);
        var at = type is null ? "" : $" at {type.ToLowerInvariant()} {value}";
        return view.State switch
        {
            DremioFakeViewState.Found => DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
                [new DremioFakeColumn("path"), new DremioFakeColumn("sql_definition")],
                [$"[{key.ToSqlPath()}]{at}", view.Sql])),
            DremioFakeViewState.Unreadable or DremioFakeViewState.BadVersion => DremioFakeOutcome.Fails(view.ErrorMessage!),
            DremioFakeViewState.NotAView => DremioFakeOutcome.Fails($"VALIDATION ERROR: [{key.ToSqlPath()}] is not a view"),
            _ => DremioFakeOutcome.Fails($"VALIDATION ERROR: Unknown view [{key.ToSqlPath()}]{at}"),
        };
    }

    private static DremioFakeOutcome? InformationSchemaViews(DremioFakeQuery query, string source, IDremioFakeCatalog catalog)
    {
        if (!s_informationSchemaViews.IsMatch(query.Sql))
        {
            return null;
        }

        // Every view of the source's default branch (DataplanePlugin.getAllInformationSchemaViewInfo); the WHERE clause
        // is not evaluated: the fake serves only this source.
        string[] all = ["TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION"];
        var selectList = query.Sql[..query.Sql.IndexOf("FROM", StringComparison.OrdinalIgnoreCase)];
        var columns = selectList.Contains('*', StringComparison.Ordinal)
            ? all
            : [.. all.Where(c => selectList.Contains(c, StringComparison.OrdinalIgnoreCase))];
        var rows = catalog.DefaultBranchViews().Select(view =>
        {
            var values = new Dictionary<string, object?>
            {
                ["TABLE_CATALOG"] = "DREMIO",
                ["TABLE_SCHEMA"] = string.Join('.', [source, .. view.Path.Take(view.Path.Count - 1)]),
                ["TABLE_NAME"] = view.Path[^1],
                ["VIEW_DEFINITION"] = view.Sql,
            };
            return (IReadOnlyList<object?>)[.. columns.Select(c => values[c])];
        }).ToArray();
        return DremioFakeOutcome.Rows(DremioFakeResult.FromRows([.. columns.Select(c => new DremioFakeColumn(c))], rows));
    }

    private static DremioFakeCatalogView Lookup(
        IReadOnlyList<string> path, string source, IDremioFakeCatalog catalog, string? versionType, string? versionValue) =>
        path.Count < 2 || path[0] != source
            ? new DremioFakeCatalogView(path.Skip(1).ToList(), DremioFakeViewState.NotFound, null, null, null, "", "")
            : catalog.Lookup([.. path.Skip(1)], versionType, versionValue);

    private static DremioFakeResponse NotFound(IReadOnlyList<string> path) =>
        DremioFakeResponse.Error(HttpStatusCode.NotFound, $"Could not find entity with path [[{string.Join(", ", path)}]]");

    /// <summary>
    /// The source object (<c>entityType</c> source, <c>type</c> NESSIE, <c>config.nessieEndpoint</c>: dremio-oss
    /// <c>NessiePluginConfig</c>); the bearer token is a secret Dremio does not return.
    /// </summary>
    private static void WriteSource(Utf8JsonWriter writer, string source, IDremioFakeCatalog catalog)
    {
        writer.WriteStartObject();
        writer.WriteString("entityType", "source");
        writer.WriteString("id", "4f6e3b0c-2a1d-4c8e-9b7a-5d2c1e0f3a6b");
        writer.WriteString("tag", "b1f0a2c3");
        writer.WriteString("type", "NESSIE");
        writer.WriteString("name", source);
        writer.WriteString("createdAt", "2026-01-01T00:00:00.000Z");
        writer.WriteStartObject("config");
        if (catalog.NessieEndpoint is { } endpoint)
        {
            writer.WriteString("nessieEndpoint", endpoint.ToString().TrimEnd('/'));
        }

        writer.WriteString("nessieAuthType", "BEARER");
        writer.WriteEndObject();
        writer.WriteStartObject("state");
        writer.WriteString("status", "good");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A view object of a versioned source: its <c>id</c> is a JSON string (table key, content id, version).</summary>
    private static void WriteView(Utf8JsonWriter writer, string source, DremioFakeCatalogView view)
    {
        var fullPath = (string[])[source, .. view.Path];
        writer.WriteStartObject();
        writer.WriteString("entityType", "dataset");
        writer.WriteString("id", JsonSerializer.Serialize(new
        {
            tableKey = fullPath,
            contentId = view.ContentId,
            versionContext = new { type = view.VersionType, value = view.VersionValue },
        }));
        writer.WriteString("type", "VIRTUAL_DATASET");
        writer.WriteStartArray("path");
        foreach (var element in fullPath)
        {
            writer.WriteStringValue(element);
        }

        writer.WriteEndArray();
        writer.WriteString("createdAt", "2026-01-01T00:00:00.000Z");
        writer.WriteString("tag", view.ContentId);
        writer.WriteString("sql", view.Sql);
        writer.WriteStartArray("sqlContext");
        writer.WriteEndArray();
        writer.WriteStartArray("fields");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
