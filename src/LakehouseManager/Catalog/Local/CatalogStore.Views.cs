using System.Security.Cryptography;

namespace LakehouseManager.Catalog.Local;

/// <summary>Snapshots, touched keys, de-duplicated SQL texts and the data-table registry.</summary>
internal sealed partial class CatalogStore
{
    /// <summary>The id of the view's SQL text at the commit, or null when the key is not a view there.</summary>
    public async Task<long?> GetSqlIdAsync(long commitId, string storedKey, CancellationToken cancellationToken) =>
        (long?)await ScalarAsync(
            "SELECT sql_id FROM _lh_views WHERE commit_id = @p0 AND key = @p1", [commitId, storedKey], cancellationToken)
            .ConfigureAwait(false);

    public async Task<string> GetSqlTextAsync(long sqlId, CancellationToken cancellationToken) =>
        (string)(await ScalarAsync("SELECT sql FROM _lh_sql_texts WHERE id = @p0", [sqlId], cancellationToken)
            .ConfigureAwait(false))!;

    /// <summary>Stores a SQL text once, keyed by its SHA-256, and returns its id.</summary>
    public async Task<long> InternSqlAsync(string sql, CancellationToken cancellationToken)
    {
        var sha = SHA256.HashData(CommitHasher.StrictUtf8.GetBytes(sql));
        var existing = await ScalarAsync("SELECT id FROM _lh_sql_texts WHERE sha = @p0", [sha], cancellationToken)
            .ConfigureAwait(false);
        if (existing is long id)
        {
            return id;
        }

        return (long)(await ScalarAsync(
            "INSERT INTO _lh_sql_texts (sha, sql) VALUES (@p0, @p1) RETURNING id", [sha, sql], cancellationToken)
            .ConfigureAwait(false))!;
    }

    public Task CopySnapshotAsync(long fromCommitId, long toCommitId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO _lh_views (commit_id, key, sql_id) SELECT @p1, key, sql_id FROM _lh_views WHERE commit_id = @p0",
            [fromCommitId, toCommitId],
            cancellationToken);

    public Task PutViewAsync(long commitId, string storedKey, long sqlId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO _lh_views (commit_id, key, sql_id) VALUES (@p0, @p1, @p2) " +
            "ON CONFLICT (commit_id, key) DO UPDATE SET sql_id = @p2",
            [commitId, storedKey, sqlId],
            cancellationToken);

    public Task DeleteViewAsync(long commitId, string storedKey, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM _lh_views WHERE commit_id = @p0 AND key = @p1", [commitId, storedKey], cancellationToken);

    public Task AddChangeAsync(long commitId, string storedKey, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT OR IGNORE INTO _lh_changes (commit_id, key) VALUES (@p0, @p1)", [commitId, storedKey], cancellationToken);

    public async Task<IReadOnlyList<string>> GetChangedKeysAsync(long commitId, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT key FROM _lh_changes WHERE commit_id = @p0", [commitId], cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Up to <paramref name="limit"/> views after <paramref name="afterKey"/>, in stored-key order.</summary>
    public async Task<IReadOnlyList<(string Key, string Sql)>> ListViewsAsync(
        long commitId, string? afterKey, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT v.key, t.sql FROM _lh_views v JOIN _lh_sql_texts t ON t.id = v.sql_id " +
            "WHERE v.commit_id = @p0 AND v.key > @p1 ORDER BY v.key LIMIT @p2",
            [commitId, afterKey ?? string.Empty, limit],
            cancellationToken).ConfigureAwait(false);
        var views = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add((reader.GetString(0), reader.GetString(1)));
        }

        return views;
    }

    /// <summary>Every view key at the commit (only for case-insensitive name resolution in queries).</summary>
    /// <summary>
    /// The branches whose head has a view with this key, ignoring ASCII case as SQLite does in table names: a data
    /// table of that name would hide the view, and tables are shared by all branches.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListBranchesWithViewAsync(string storedKey, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT DISTINCT b.name FROM _lh_branches b JOIN _lh_views v ON v.commit_id = b.commit_id " +
            "WHERE v.key = @p0 COLLATE NOCASE ORDER BY b.name",
            [storedKey],
            cancellationToken).ConfigureAwait(false);
        var branches = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            branches.Add(reader.GetString(0));
        }

        return branches;
    }

    public async Task<IReadOnlyList<string>> ListViewKeysAsync(long commitId, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT key FROM _lh_views WHERE commit_id = @p0", [commitId], cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>The registered data table with this SQLite name (compared without case), or null.</summary>
    public async Task<(string SqliteName, string Key)?> FindTableAsync(string sqliteName, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT sqlite_name, key FROM _lh_tables WHERE sqlite_name = @p0", [sqliteName], cancellationToken)
            .ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetString(0), reader.GetString(1))
            : null;
    }

    public async Task<IReadOnlyList<(string SqliteName, string Key)>> ListTablesAsync(CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT sqlite_name, key FROM _lh_tables ORDER BY key", [], cancellationToken).ConfigureAwait(false);
        var tables = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        return tables;
    }

    /// <summary>
    /// Makes the registry equal the data tables that exist: called after every DDL statement, so CREATE TABLE ... AS,
    /// renames and drops are all recorded the same way. Tables whose names are not dotted paths are not registered.
    /// </summary>
    public async Task SyncTableRegistryAsync(CancellationToken cancellationToken)
    {
        var existing = new List<string>();
        await using (var reader = await ReaderAsync(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '\\_lh\\_%' ESCAPE '\\' " +
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
            [],
            cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(reader.GetString(0));
            }
        }

        await ExecuteAsync("DELETE FROM _lh_tables", [], cancellationToken).ConfigureAwait(false);
        foreach (var name in existing)
        {
            if (SqliteNames.TryParse(name) is { } key)
            {
                await ExecuteAsync(
                    "INSERT OR IGNORE INTO _lh_tables (sqlite_name, key) VALUES (@p0, @p1)",
                    [name, StorageKey.Encode(key)],
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
