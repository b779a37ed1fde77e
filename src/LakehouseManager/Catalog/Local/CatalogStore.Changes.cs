using System.Security.Cryptography;

namespace LakehouseManager.Catalog.Local;

/// <summary>What a commit writes: de-duplicated SQL texts, an entry per changed key, and the keys it touched.</summary>
internal sealed partial class CatalogStore
{
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

    /// <summary>Records the key's value from the commit at (chain, depth) on: a SQL text id, or null for a delete.</summary>
    public Task PutEntryAsync(CommitNode commit, string storedKey, long? sqlId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO _lh_entries (key, chain, depth, sql_id) VALUES (@p0, @p1, @p2, @p3) " +
            "ON CONFLICT (key, chain, depth) DO UPDATE SET sql_id = @p3",
            [storedKey, commit.Chain, commit.Depth, sqlId],
            cancellationToken);

    public Task AddChangeAsync(long commitId, string storedKey, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT OR IGNORE INTO _lh_changes (commit_id, key) VALUES (@p0, @p1)", [commitId, storedKey], cancellationToken);

    /// <summary>
    /// The keys touched by the commits on the first-parent line of <paramref name="commitId"/> that are deeper than
    /// <paramref name="aboveDepth"/>: one query per chain segment of the line, without walking the commits.
    /// </summary>
    public async Task<HashSet<string>> GetKeysTouchedSinceAsync(long commitId, long aboveDepth, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ancestry = await GetAncestryAsync(commitId, cancellationToken).ConfigureAwait(false);
        foreach (var (chain, limit) in ancestry.Limits.Where(l => l.Value > aboveDepth))
        {
            await using var reader = await ReaderAsync(
                "SELECT DISTINCT ch.key FROM _lh_commits c JOIN _lh_changes ch ON ch.commit_id = c.id " +
                "WHERE c.chain = @p0 AND c.depth > @p1 AND c.depth <= @p2",
                [chain, aboveDepth, limit],
                cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetString(0));
            }
        }

        return keys;
    }

    /// <summary>The keys the commits touched, in one query per thousand commits.</summary>
    public async Task<HashSet<string>> GetChangedKeysAsync(IReadOnlyList<long> commitIds, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in commitIds.Chunk(1000))
        {
            var ids = JsonText.Array(chunk);
            await using var reader = await ReaderAsync(
                "SELECT c.key FROM json_each(@p0) j CROSS JOIN _lh_changes c ON c.commit_id = j.value", [ids], cancellationToken)
                .ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetString(0));
            }
        }

        return keys;
    }
}
