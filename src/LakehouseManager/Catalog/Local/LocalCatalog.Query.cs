using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Catalog.Local;

/// <summary>Running read-only SQL at a branch, with the branch's views instantiated as TEMP views.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>
    /// Runs one query (SELECT, WITH or VALUES) at the branch and returns a cursor over its rows. Dotted names of the
    /// branch's views and of data tables are rewritten to their SQLite names, and the views the query needs
    /// (transitively, only those) are created as TEMP views in dependency order. Dremio's <c>AT BRANCH | TAG | COMMIT |
    /// REF[ERENCE]</c> after a table or view reads it at that version: a data table is the same at every version, a
    /// view is instantiated from that version's definition (see <see cref="BranchQueryPlanner"/>). Unknown names or
    /// references, a statement that is not a query and SQLite errors are <see cref="CatalogException"/>s naming the
    /// branch.
    /// </summary>
    /// <param name="branch">The branch the query runs at.</param>
    /// <param name="sql">One query.</param>
    /// <param name="atHash">A commit of the branch to pin the query to (the reviewed state); null for its head.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<LocalQueryCursor> OpenQueryAsync(
        string branch, string sql, string? atHash = null, CancellationToken cancellationToken = default)
    {
        RefName.Require(branch);
        ArgumentNullException.ThrowIfNull(sql);
        var parsed = ParsedSql.Parse(sql);
        if (!SqlStatementText.IsQuery(parsed.Significant))
        {
            var first = parsed.Significant.Count > 0 ? $"'{parsed.Significant[0].Text}'" : "nothing";
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Only queries run at a branch (SELECT, WITH or VALUES); the statement at branch '{branch}' starts with {first}.");
        }

        var connection = await OpenConnectionAsync(pooled: false, cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = await PlanAtBranchAsync(
                connection, branch, null, planner => planner.PlanAsync(parsed, null, cancellationToken), cancellationToken, atHash)
                .ConfigureAwait(false);
            await InstantiateViewsAsync(connection, branch, plan.Views, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA query_only = ON", cancellationToken).ConfigureAwait(false);

            // The guard stays for the cursor's life: SQLite compiles the query again if the schema changes meanwhile.
            var guard = UserSqlGuard.Install(connection, queryOnly: true);
            var command = connection.CreateCommand();
            command.CommandText = plan.Sql;
            try
            {
                using var registration = cancellationToken.Register(LocalQueryCursor.Interrupt, connection);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return new LocalQueryCursor(connection, command, reader, branch, guard);
            }
            catch (SqliteException exception)
            {
                await command.DisposeAsync().ConfigureAwait(false);
                guard.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                throw LocalQueryCursor.QueryFailed(branch, exception, guard);
            }
            catch
            {
                await command.DisposeAsync().ConfigureAwait(false);
                guard.Dispose();
                throw;
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Plans SQL at the branch's head, reading the catalog in one snapshot on the given connection.</summary>
    internal async Task<QueryPlan> PlanAtBranchAsync(
        SqliteConnection connection,
        string branch,
        IReadOnlyDictionary<ContentKey, string?>? overrides,
        Func<BranchQueryPlanner, Task<QueryPlan>> plan,
        CancellationToken cancellationToken,
        string? atHash = null)
    {
        var store = new CatalogStore(connection, ownsConnection: false);
        await using (store.ConfigureAwait(false))
        {
            try
            {
                await store.BeginAsync(write: false, cancellationToken).ConfigureAwait(false);
                var head = atHash is null
                    ? await RequireBranchAsync(store, branch, cancellationToken).ConfigureAwait(false)
                    : await ResolveHashAsync(store, atHash, cancellationToken).ConfigureAwait(false);
                var result = await plan(new BranchQueryPlanner(store, branch, head, overrides, Options.SourceName, Description)).ConfigureAwait(false);
                await store.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (SqliteException exception)
            {
                throw new CatalogException(
                    CatalogErrorKind.Unavailable, $"The {Description} failed: {exception.Message}", exception);
            }
        }
    }

    /// <summary>Creates the views as TEMP views and checks that each one compiles, naming the view that does not.</summary>
    internal static async Task InstantiateViewsAsync(
        SqliteConnection connection, string branch, IReadOnlyList<PlannedView> views, CancellationToken cancellationToken)
    {
        // A view's text is user SQL too: the guard keeps it off the catalog's tables. Making the TEMP view writes
        // SQLite's temp schema, so the guard allows writes here; a view is a query, which SQLite checks itself.
        using var guard = UserSqlGuard.Install(connection, queryOnly: false);
        foreach (var view in views)
        {
            var name = SqliteNames.Quote(view.TempName);
            try
            {
                await ExecuteAsync(connection, $"CREATE TEMP VIEW {name} AS {view.Sql}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"SELECT * FROM temp.{name} LIMIT 0", cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException exception)
            {
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    $"View {view.Key} at branch '{branch}' does not compile: {guard.Explain(exception) ?? exception.Message}",
                    exception);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
