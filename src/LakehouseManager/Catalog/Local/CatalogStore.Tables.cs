namespace LakehouseManager.Catalog.Local;

/// <summary>The registry of data tables, which all branches share.</summary>
internal sealed partial class CatalogStore
{
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
