using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>The data tables all branches share, and the plain SQL the front door runs on them.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>The data tables (created with <c>CREATE TABLE a.b.c</c>), in key order.</summary>
    public Task<IReadOnlyList<ContentKey>> ListDataTablesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            write: false,
            async store => (IReadOnlyList<ContentKey>)(await store.ListTablesAsync(cancellationToken).ConfigureAwait(false))
                .Select(t => StorageKey.Decode(t.Key))
                .Order()
                .ToList(),
            cancellationToken);

    internal Task<bool> IsDataTableAsync(ContentKey key, CancellationToken cancellationToken) =>
        RunAsync(
            write: false,
            async store => await store.FindTableAsync(SqliteNames.ToSqliteName(key), cancellationToken).ConfigureAwait(false)
                is not null,
            cancellationToken);

    /// <summary>Checks that a view's SQL compiles at the branch (with the views it needs), naming what is wrong.</summary>
    internal Task ValidateViewAsync(string branch, ContentKey key, string sql, CancellationToken cancellationToken) =>
        ValidateViewAsync(branch, key, sql, new Dictionary<ContentKey, string?>(), cancellationToken);

    /// <summary>
    /// Checks that a view's SQL compiles at the branch as <paramref name="pending"/> changes it (view texts, or null
    /// for a view dropped), e.g. the statements before it in a script that commits once.
    /// </summary>
    internal async Task ValidateViewAsync(
        string branch,
        ContentKey key,
        string sql,
        IReadOnlyDictionary<ContentKey, string?> pending,
        CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<ContentKey, string?>(pending) { [key] = sql };
        var connection = await OpenConnectionAsync(pooled: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var plan = await PlanAtBranchAsync(
                connection,
                branch,
                overrides,
                planner => planner.PlanViewAsync(key, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            await InstantiateViewsAsync(connection, branch, plan.Views, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a plain statement at the branch: names rewritten, the views it reads instantiated, writes in one
    /// IMMEDIATE transaction, and the data-table registry brought up to date after DDL.
    /// </summary>
    internal async Task<LocalSqlResult> ExecuteDataStatementAsync(
        string branch, DataStatement statement, int maxRows, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(pooled: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var plan = await PlanAtBranchAsync(
                connection, branch, null, planner => planner.PlanAsync(statement.Sql, statement.NameChains, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            await InstantiateViewsAsync(connection, branch, plan.Views, cancellationToken).ConfigureAwait(false);
            var readOnly = SqlStatementText.IsQuery(statement.Sql.Significant);
            var store = new CatalogStore(connection, ownsConnection: false);
            await using (store.ConfigureAwait(false))
            {
                try
                {
                    if (!readOnly)
                    {
                        await store.BeginAsync(write: true, cancellationToken).ConfigureAwait(false);
                        await RequireNoViewNamedAsync(store, statement, cancellationToken).ConfigureAwait(false);
                    }

                    var result = await ReadResultAsync(connection, branch, plan.Sql, maxRows, cancellationToken)
                        .ConfigureAwait(false);
                    if (statement.IsDdl)
                    {
                        await store.SyncTableRegistryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (!readOnly)
                    {
                        await store.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
                    }

                    return Describe(statement, result, maxRows);
                }
                catch (SqliteException exception)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest, $"The statement at branch '{branch}' failed: {exception.Message}", exception);
                }
            }
        }
    }

    /// <summary>
    /// A table a statement creates or renames to may not take the name of a view at any branch: tables are shared by
    /// all branches, so it would break that branch's queries. Checked in the statement's write transaction.
    /// </summary>
    private static async Task RequireNoViewNamedAsync(CatalogStore store, DataStatement statement, CancellationToken cancellationToken)
    {
        if (statement.DefinedTable is not { } table || statement.DefinedVerb == "dropped")
        {
            return;
        }

        var branches = await store.ListBranchesWithViewAsync(StorageKey.Encode(table), cancellationToken).ConfigureAwait(false);
        if (branches.Count > 0)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"{table} is a view at branch{(branches.Count == 1 ? string.Empty : "es")} " +
                $"{string.Join(", ", branches.Select(b => $"'{b}'"))}; a data table may not take a view's name, " +
                "since data tables are shared by all branches.");
        }
    }

    /// <summary>Runs the user's statement under the <see cref="UserSqlGuard"/>, and only it.</summary>
    private static async Task<(LocalSqlResult Result, int Affected)> ReadResultAsync(
        SqliteConnection connection, string branch, string sql, int maxRows, CancellationToken cancellationToken)
    {
        using var guard = UserSqlGuard.Install(connection, queryOnly: false);
        try
        {
            return await ReadRowsAsync(connection, sql, maxRows, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception) when (guard.Explain(exception) is { } reason)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, $"The statement at branch '{branch}' was refused: {reason}.", exception);
        }
    }

    private static async Task<(LocalSqlResult Result, int Affected)> ReadRowsAsync(
        SqliteConnection connection, string sql, int maxRows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var registration = cancellationToken.Register(LocalQueryCursor.Interrupt, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == maxRows)
            {
                truncated = true;
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = SqliteCells.Read(reader, i);
            }

            rows.Add(row);
        }

        return (new LocalSqlResult(columns, rows, string.Empty) { Truncated = truncated }, reader.RecordsAffected);
    }

    private static LocalSqlResult Describe(DataStatement statement, (LocalSqlResult Result, int Affected) outcome, int maxRows)
    {
        var (result, affected) = outcome;
        string message;
        if (result.Columns.Count > 0)
        {
            message = result.Truncated
                ? $"The first {maxRows} rows are shown; there are more."
                : $"{result.Rows.Count} row{(result.Rows.Count == 1 ? string.Empty : "s")}.";
        }
        else if (statement.DefinedTable is { } table)
        {
            message = $"Table {table} has been {statement.DefinedVerb}.";
        }
        else
        {
            message = statement.IsDdl ? "The statement has been executed." : $"{Math.Max(0, affected)} row(s) affected.";
        }

        return result with { Message = message };
    }
}
