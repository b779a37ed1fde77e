namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Reading views at a commit from the entries its first-parent ancestors wrote: for each key, the nearest ancestor's
/// entry decides (a NULL SQL id there means the view was deleted).
/// </summary>
internal sealed partial class CatalogStore
{

    /// <summary>The id of the view's SQL text at the commit, or null when the key is not a view there.</summary>
    public async Task<long?> GetSqlIdAsync(long commitId, string storedKey, CancellationToken cancellationToken)
    {
        var ancestry = await GetAncestryAsync(commitId, cancellationToken).ConfigureAwait(false);
        await using var reader = await ReaderAsync(
            "SELECT chain, depth, sql_id FROM _lh_entries WHERE key = @p0", [storedKey], cancellationToken).ConfigureAwait(false);
        var nearest = new Nearest();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            nearest.Offer(ancestry, reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }

        return nearest.SqlId;
    }

    /// <summary>
    /// The ids of the views' SQL texts at each of the commits (null where the key is not a view), by key: one query
    /// per chunk of keys, so a diff or a merge over many keys makes few round trips.
    /// </summary>
    public async Task<Dictionary<string, long?[]>> GetSqlIdsAsync(
        IEnumerable<string> storedKeys, IReadOnlyList<long> commitIds, CancellationToken cancellationToken)
    {
        var ancestries = new CommitAncestry[commitIds.Count];
        for (var i = 0; i < commitIds.Count; i++)
        {
            ancestries[i] = await GetAncestryAsync(commitIds[i], cancellationToken).ConfigureAwait(false);
        }

        var result = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        foreach (var chunk in storedKeys.Chunk(500))
        {
            var nearest = chunk.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new Nearest[ancestries.Length], StringComparer.Ordinal);
            foreach (var found in nearest.Values)
            {
                Array.Fill(found, new Nearest());
            }

            await using (var reader = await ReaderAsync(
                "SELECT e.key, e.chain, e.depth, e.sql_id FROM json_each(@p0) j CROSS JOIN _lh_entries e ON e.key = j.value",
                [JsonText.Array(nearest.Keys)],
                cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var found = nearest[reader.GetString(0)];
                    var (chain, depth, sqlId) = (reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3));
                    for (var i = 0; i < found.Length; i++)
                    {
                        found[i].Offer(ancestries[i], chain, depth, sqlId);
                    }
                }
            }

            foreach (var (key, found) in nearest)
            {
                result[key] = found.Select(n => n.SqlId).ToArray();
            }
        }

        return result;
    }

    public async Task<string> GetSqlTextAsync(long sqlId, CancellationToken cancellationToken) =>
        (string)(await ScalarAsync("SELECT sql FROM _lh_sql_texts WHERE id = @p0", [sqlId], cancellationToken)
            .ConfigureAwait(false))!;

    /// <summary>Up to <paramref name="limit"/> views after <paramref name="afterKey"/>, in stored-key order.</summary>
    public async Task<IReadOnlyList<(string Key, string Sql)>> ListViewsAsync(
        long commitId, string? afterKey, int limit, CancellationToken cancellationToken)
    {
        var views = await ListVisibleAsync(commitId, afterKey, limit, cancellationToken).ConfigureAwait(false);
        if (views.Count == 0)
        {
            return [];
        }

        var ids = JsonText.Array(views.Select(v => v.SqlId).Distinct());
        var texts = new Dictionary<long, string>();
        await using (var reader = await ReaderAsync(
            "SELECT t.id, t.sql FROM json_each(@p0) j CROSS JOIN _lh_sql_texts t ON t.id = j.value", [ids], cancellationToken)
            .ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                texts[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return views.Select(v => (v.Key, texts[v.SqlId])).ToList();
    }

    /// <summary>Every view key at the commit (only for case-insensitive name resolution in queries).</summary>
    public async Task<IReadOnlyList<string>> ListViewKeysAsync(long commitId, CancellationToken cancellationToken) =>
        (await ListVisibleAsync(commitId, null, int.MaxValue, cancellationToken).ConfigureAwait(false)).Select(v => v.Key).ToList();

    /// <summary>
    /// The branches whose head has a view with this key, ignoring ASCII case as SQLite does in table names: a data
    /// table of that name would hide the view, and tables are shared by all branches.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListBranchesWithViewAsync(string storedKey, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await using (var reader = await ReaderAsync(
            "SELECT DISTINCT key FROM _lh_entries WHERE key = @p0 COLLATE NOCASE", [storedKey], cancellationToken)
            .ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetString(0));
            }
        }

        var branches = new List<string>();
        foreach (var (name, head) in await ListBranchesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var key in keys)
            {
                if (await GetSqlIdAsync(head, key, cancellationToken).ConfigureAwait(false) is not null)
                {
                    branches.Add(name);
                    break;
                }
            }
        }

        return branches;
    }

    /// <summary>
    /// The views at the commit after <paramref name="afterKey"/>, in key order, with their SQL ids: one scan of the
    /// entries in key order (the primary key's order), keeping for each key the nearest entry the commit sees.
    /// </summary>
    private async Task<List<(string Key, long SqlId)>> ListVisibleAsync(
        long commitId, string? afterKey, int limit, CancellationToken cancellationToken)
    {
        var ancestry = await GetAncestryAsync(commitId, cancellationToken).ConfigureAwait(false);
        var views = new List<(string Key, long SqlId)>();
        await using var reader = await ReaderAsync(
            "SELECT key, chain, depth, sql_id FROM _lh_entries WHERE key > @p0 ORDER BY key",
            [afterKey ?? string.Empty],
            cancellationToken).ConfigureAwait(false);
        string? key = null;
        var nearest = new Nearest();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowKey = reader.GetString(0);
            if (rowKey != key)
            {
                if (key is not null && nearest.SqlId is { } id)
                {
                    views.Add((key, id));
                    if (views.Count == limit)
                    {
                        return views;
                    }
                }

                key = rowKey;
                nearest = new Nearest();
            }

            nearest.Offer(ancestry, reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }

        if (key is not null && nearest.SqlId is { } last)
        {
            views.Add((key, last));
        }

        return views;
    }

    /// <summary>Of the entries for one key, the one written by the nearest ancestor (the deepest the commit sees).</summary>
    private struct Nearest
    {
        private long _depth;

        public Nearest()
        {
            _depth = -1;
        }

        public long? SqlId { get; private set; }

        public void Offer(CommitAncestry ancestry, long chain, long depth, long? sqlId)
        {
            if (depth > _depth && ancestry.Sees(chain, depth))
            {
                _depth = depth;
                SqlId = sqlId;
            }
        }
    }
}
