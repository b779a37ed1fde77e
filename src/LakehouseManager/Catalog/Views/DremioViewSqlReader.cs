using System.Runtime.CompilerServices;
using LakehouseManager.DataTests;
using LakehouseManager.Dremio;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Reads views' SQL through Dremio (design §3), for a Nessie/Arctic source of a Dremio: the catalog API at a commit
/// (one view, or up to 50 per call), <c>SHOW CREATE VIEW ... AT COMMIT</c> through the SQL API, and one
/// <c>INFORMATION_SCHEMA."VIEWS"</c> query for the default branch. One view's failure is a
/// <see cref="ViewSql.Unresolved"/> result with a reason; only what stops every view (the PAT rejected, Dremio
/// unreachable) throws. The view-SQL port's adapters over it are <see cref="DremioCatalogApiResolver"/>,
/// <see cref="ShowCreateViewResolver"/> and <see cref="DefaultBranchSnapshotResolver"/>.
/// </summary>
internal sealed class DremioViewSqlReader
{
    private readonly DremioClient _client;
    private readonly DremioQueryEngine _engine;
    private volatile bool _byPathsUnsupported;

    /// <param name="client">The Dremio connection; not disposed.</param>
    /// <param name="engine">Runs SQL jobs on the same Dremio (the data tests' engine); not disposed.</param>
    /// <param name="source">The Dremio source of the Nessie/Arctic catalog, the first element of every path.</param>
    public DremioViewSqlReader(DremioClient client, DremioQueryEngine engine, string source)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
    }

    public string Source { get; }

    /// <summary>
    /// <c>GET catalog/by-path/{source}/{key...}?versionType=COMMIT&amp;versionValue={hash}</c>: its <c>sql</c>.
    /// <see cref="ViewSql.Missing"/> when Dremio has no such object at the commit.
    /// </summary>
    public async Task<ViewSql> ReadByPathAsync(ContentKey key, string commitHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireHash(commitHash);
        try
        {
            var entity = await _client.GetCatalogEntityByPathAsync(PathOf(key), DremioVersionReference.Commit(commitHash),
                cancellationToken).ConfigureAwait(false);
            return FromEntity(key, commitHash, entity, errorMessage: null);
        }
        catch (DremioException e) when (IsAboutThisView(e))
        {
            return new ViewSql.Unresolved(key, $"Dremio's catalog API could not read {key} at {HashText.Short(commitHash)}: {e.Message}");
        }
    }

    /// <summary>
    /// <c>POST catalog/by-paths</c> in calls of at most 50 paths: one result per key. A call that fails as a whole
    /// for a reason of its own (not the PAT, not the network) makes its keys unresolved with that reason. A Dremio
    /// without the endpoint (404 or 405: its wire shape is not confirmed, see
    /// <see cref="DremioClient.GetCatalogEntitiesByPathsAsync"/>) is read one path at a time from then on.
    /// </summary>
    public async Task<IReadOnlyDictionary<ContentKey, ViewSql>> ReadByPathsAsync(
        IReadOnlyList<ContentKey> keys, string commitHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        RequireHash(commitHash);
        var results = new Dictionary<ContentKey, ViewSql>();
        foreach (var chunk in keys.Distinct().Chunk(DremioClient.MaxPathsPerCall))
        {
            if (!_byPathsUnsupported)
            {
                try
                {
                    var lookups = await _client.GetCatalogEntitiesByPathsAsync(
                        [.. chunk.Select(PathOf)], DremioVersionReference.Commit(commitHash), cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        results[chunk[i]] = FromEntity(chunk[i], commitHash, lookups[i].Entity, lookups[i].ErrorMessage);
                    }

                    continue;
                }
                catch (DremioException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed)
                {
                    _byPathsUnsupported = true;
                }
                catch (DremioException e) when (IsAboutThisView(e))
                {
                    foreach (var key in chunk)
                    {
                        results[key] = new ViewSql.Unresolved(key, $"Dremio's catalog API could not read {chunk.Length} views at once: {e.Message}");
                    }

                    continue;
                }
            }

            foreach (var key in chunk)
            {
                results[key] = await ReadByPathAsync(key, commitHash, cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary><c>SHOW CREATE VIEW {source}.{key} AT COMMIT "{hash}"</c>, reading the <c>sql_definition</c> column.</summary>
    public async Task<ViewSql> ShowCreateViewAsync(ContentKey key, string commitHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireHash(commitHash);
        var sql = $"SHOW CREATE VIEW {SqlPathOf(key)} AT COMMIT \"{commitHash}\"";
        try
        {
            await using var cursor = await _engine.ExecuteAsync(new DremioSqlRequest(sql), cancellationToken).ConfigureAwait(false);
            var column = IndexOf(cursor.Columns, "sql_definition");
            if (column < 0)
            {
                return new ViewSql.Unresolved(key, "SHOW CREATE VIEW answered without a sql_definition column");
            }

            await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                return row[column] is string definition
                    ? new ViewSql.Resolved(key, definition)
                    : new ViewSql.Unresolved(key, "SHOW CREATE VIEW answered an empty sql_definition");
            }

            return new ViewSql.Unresolved(key, "SHOW CREATE VIEW answered no row");
        }
        catch (QueryFailedException e)
        {
            return new ViewSql.Unresolved(key, $"SHOW CREATE VIEW at {HashText.Short(commitHash)} failed: {e.Message}");
        }
        catch (DremioException e) when (IsAboutThisView(e))
        {
            return new ViewSql.Unresolved(key, $"SHOW CREATE VIEW at {HashText.Short(commitHash)} failed: {e.Message}");
        }
    }

    /// <summary>
    /// <c>SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA."VIEWS"</c> for the source: every
    /// view of the source's DEFAULT branch at its current head (Dremio reads no other branch here), in one job.
    /// </summary>
    public async IAsyncEnumerable<DremioViewDefinition> ReadDefaultBranchViewsAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var literal = Source.Replace("'", "''", StringComparison.Ordinal);
        var pattern = EscapeLike(Source).Replace("'", "''", StringComparison.Ordinal);
        var sql = "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.\"VIEWS\" " +
            $"WHERE TABLE_SCHEMA = '{literal}' OR TABLE_SCHEMA LIKE '{pattern}.%' ESCAPE '\\'";
        await using var cursor = await _engine.ExecuteAsync(new DremioSqlRequest(sql), cancellationToken).ConfigureAwait(false);
        var schema = IndexOf(cursor.Columns, "TABLE_SCHEMA");
        var name = IndexOf(cursor.Columns, "TABLE_NAME");
        var definition = IndexOf(cursor.Columns, "VIEW_DEFINITION");
        if (schema < 0 || name < 0 || definition < 0)
        {
            throw new QueryFailedException(
                "INFORMATION_SCHEMA.\"VIEWS\" answered without the TABLE_SCHEMA, TABLE_NAME and VIEW_DEFINITION columns.");
        }

        await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (row[schema] is string s && row[name] is string n && row[definition] is string d)
            {
                yield return new DremioViewDefinition(s, n, d);
            }
        }
    }

    /// <summary>The catalog path of a key: the source, then the key's elements.</summary>
    public IReadOnlyList<string> PathOf(ContentKey key) => [Source, .. key.Elements];

    /// <summary>The key as Dremio SQL names it: <c>source.ns."my view"</c>.</summary>
    public string SqlPathOf(ContentKey key) => ContentKey.Of(Source).ToSqlPath() + "." + key.ToSqlPath();

    private static ViewSql FromEntity(ContentKey key, string hash, DremioCatalogEntity? entity, string? errorMessage)
    {
        if (errorMessage is not null)
        {
            return new ViewSql.Unresolved(key, $"Dremio's catalog API could not read it at {HashText.Short(hash)}: {errorMessage}");
        }

        if (entity is null)
        {
            return new ViewSql.Missing(key);
        }

        if (!entity.IsView)
        {
            return new ViewSql.Unresolved(key, $"Dremio's catalog API has a {entity.Type ?? entity.EntityType} there at {HashText.Short(hash)}, not a view");
        }

        return entity.Sql is { } sql
            ? new ViewSql.Resolved(key, sql)
            : new ViewSql.Unresolved(key, $"Dremio's catalog API gave it at {HashText.Short(hash)} without its sql");
    }

    // A 4xx or 5xx that Dremio answered concerns this request; a rejected PAT (401/403) or an unreachable Dremio
    // (no status) concerns every view and stops the run.
    private static bool IsAboutThisView(DremioException e) =>
        e.StatusCode is { } status && status is not (System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden);

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static void RequireHash(string hash)
    {
        if (!RefName.IsHash(hash))
        {
            throw new ArgumentException($"'{hash}' is not a commit hash (8 to 64 hexadecimal digits).", nameof(hash));
        }
    }
}
