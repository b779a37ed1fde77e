using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Typed access to the catalog tables over one connection, with each statement prepared once and reused (a batch of
/// ten thousand puts runs four prepared statements ten thousand times). One store serves one catalog call, so what it
/// caches (commit nodes, chains, ancestries: all immutable once written) never outlives the call's transaction.
/// </summary>
internal sealed partial class CatalogStore : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<long, CommitNode> _nodes = [];
    private int _nodeMisses;
    private readonly Dictionary<long, (long? Parent, long ParentDepth)> _chains = [];
    private readonly Dictionary<long, CommitAncestry> _ancestries = [];
    private readonly bool _ownsConnection;
    private bool _inTransaction;

    /// <param name="connection">An open connection.</param>
    /// <param name="ownsConnection">Whether disposing the store closes the connection (a query keeps it open).</param>
    public CatalogStore(SqliteConnection connection, bool ownsConnection = true)
    {
        Connection = connection;
        _ownsConnection = ownsConnection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// Starts a transaction: IMMEDIATE for writes, so the write lock is taken before anything is read and every
    /// expected-hash check sees the state the write will apply to; deferred for reads (one consistent snapshot).
    /// </summary>
    public async Task BeginAsync(bool write, CancellationToken cancellationToken)
    {
        await ExecuteAsync(write ? "BEGIN IMMEDIATE" : "BEGIN", [], cancellationToken).ConfigureAwait(false);
        _inTransaction = true;
    }

    public async Task CommitTransactionAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("COMMIT", [], cancellationToken).ConfigureAwait(false);
        _inTransaction = false;
    }

    public async Task RollbackAsync()
    {
        if (!_inTransaction)
        {
            return;
        }

        _inTransaction = false;
        try
        {
            await ExecuteAsync("ROLLBACK", [], CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (some errors do that); the error that got us here is the one to report.
        }
    }

    public async Task<string?> GetMetaAsync(string name, CancellationToken cancellationToken) =>
        (string?)await ScalarAsync("SELECT value FROM _lh_meta WHERE name = @p0", [name], cancellationToken)
            .ConfigureAwait(false);

    public Task SetMetaAsync(string name, string value, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO _lh_meta (name, value) VALUES (@p0, @p1) ON CONFLICT (name) DO UPDATE SET value = @p1",
            [name, value],
            cancellationToken);

    /// <summary>
    /// The commit's node. After a few misses, a miss also loads the commits just below it (by id, so mostly its
    /// ancestors): graph walks go from newer to older commits, and one query then serves a run of them, while a call
    /// that needs one or two nodes reads only those.
    /// </summary>
    public async Task<CommitNode> GetNodeAsync(long id, CancellationToken cancellationToken)
    {
        if (_nodes.TryGetValue(id, out var cached))
        {
            return cached;
        }

        await using (var reader = await ReaderAsync(
            "SELECT id, hash, parent1, parent2, generation, chain, depth FROM _lh_commits " +
            "WHERE id <= @p0 ORDER BY id DESC LIMIT @p1",
            [id, _nodeMisses++ < 4 ? 1 : 256],
            cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var node = new CommitNode(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.GetInt64(4),
                    reader.GetInt64(5),
                    reader.GetInt64(6));
                _nodes.TryAdd(node.Id, node);
            }
        }

        return _nodes.TryGetValue(id, out var loaded)
            ? loaded
            : throw new InvalidOperationException($"Commit id {id} is missing from the local catalog.");
    }

    /// <summary>Up to two commits whose hash starts with the (lower-case) prefix: two means ambiguous.</summary>
    public async Task<IReadOnlyList<long>> FindCommitsByHashPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT id FROM _lh_commits WHERE hash >= @p0 AND hash < @p1 ORDER BY hash LIMIT 2",
            [prefix, prefix + "g"],
            cancellationToken).ConfigureAwait(false);
        var ids = new List<long>(2);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<LocalCommit> GetCommitAsync(long id, CancellationToken cancellationToken)
    {
        var node = await GetNodeAsync(id, cancellationToken).ConfigureAwait(false);
        var parents = new List<string>(2);
        foreach (var parent in node.Parents)
        {
            parents.Add((await GetNodeAsync(parent, cancellationToken).ConfigureAwait(false)).Hash);
        }

        await using var reader = await ReaderAsync(
            "SELECT author, committed_at, message FROM _lh_commits WHERE id = @p0", [id], cancellationToken)
            .ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new LocalCommit(
            node.Hash,
            parents,
            reader.GetString(2),
            reader.GetString(0),
            DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<long> NextCommitIdAsync(CancellationToken cancellationToken) =>
        (long)(await ScalarAsync("SELECT COALESCE(MAX(id), 0) + 1 FROM _lh_commits", [], cancellationToken)
            .ConfigureAwait(false))!;

    public Task InsertCommitAsync(
        CommitNode node, string author, DateTimeOffset time, string message, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO _lh_commits (id, hash, parent1, parent2, generation, author, committed_at, message, chain, depth) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
            [
                node.Id, node.Hash, node.Parent1, node.Parent2, node.Generation, author, time.UtcDateTime.ToString("O"), message,
                node.Chain, node.Depth,
            ],
            cancellationToken);

    public async Task<long?> GetBranchHeadAsync(string name, CancellationToken cancellationToken) =>
        (long?)await ScalarAsync("SELECT commit_id FROM _lh_branches WHERE name = @p0", [name], cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<(string Name, long CommitId)>> ListBranchesAsync(CancellationToken cancellationToken)
    {
        await using var reader = await ReaderAsync(
            "SELECT name, commit_id FROM _lh_branches ORDER BY name", [], cancellationToken).ConfigureAwait(false);
        var branches = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            branches.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return branches;
    }

    public Task InsertBranchAsync(string name, long commitId, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO _lh_branches (name, commit_id) VALUES (@p0, @p1)", [name, commitId], cancellationToken);

    public Task SetBranchHeadAsync(string name, long commitId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE _lh_branches SET commit_id = @p1 WHERE name = @p0", [name, commitId], cancellationToken);

    public Task DeleteBranchAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM _lh_branches WHERE name = @p0", [name], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync().ConfigureAwait(false);
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsConnection)
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal async Task<object?> ScalarAsync(string sql, object?[] values, CancellationToken cancellationToken)
    {
        var result = await Command(sql, values).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is DBNull ? null : result;
    }

    internal Task<int> ExecuteAsync(string sql, object?[] values, CancellationToken cancellationToken) =>
        Command(sql, values).ExecuteNonQueryAsync(cancellationToken);

    internal Task<SqliteDataReader> ReaderAsync(string sql, object?[] values, CancellationToken cancellationToken) =>
        Command(sql, values).ExecuteReaderAsync(cancellationToken);

    private SqliteCommand Command(string sql, object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, null));
            }

            _commands[sql] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
