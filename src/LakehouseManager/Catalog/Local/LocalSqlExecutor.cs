using LakehouseManager.Catalog.Local.Sql;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The local catalog's SQL front door: runs ONE statement at a branch, Dremio-style. View statements
/// (<c>CREATE [OR REPLACE] VIEW</c>, <c>DROP VIEW [IF EXISTS]</c>) commit to the branch with Dremio's commit messages;
/// branch statements (<c>CREATE BRANCH</c>, <c>DROP BRANCH</c>, <c>MERGE BRANCH [DRY RUN]</c>, <c>SHOW BRANCHES</c>)
/// work on the catalog; <c>SHOW VIEWS | TABLES | LOGS | CREATE VIEW</c> list; anything else is plain SQL on the data
/// tables, which sees the branch's views.
/// </summary>
public sealed partial class LocalSqlExecutor
{
    /// <summary>How many rows a result holds at most unless told otherwise.</summary>
    public const int DefaultMaxRows = 1000;

    private readonly LocalCatalog _catalog;
    private readonly int _maxRows;

    public LocalSqlExecutor(LocalCatalog catalog, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        _catalog = catalog;
        _maxRows = maxRows;
    }

    /// <summary>
    /// Runs one statement at <paramref name="branch"/>. Bad statements, unknown names and failed SQL raise
    /// <see cref="CatalogException"/> naming the statement, the position or the name; merge conflicts are rows.
    /// </summary>
    public async Task<LocalSqlResult> ExecuteAsync(string branch, string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statement = LocalStatementParser.Parse(sql);
        var head = await _catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        return statement switch
        {
            CreateViewStatement create => await CreateViewAsync(head, create, cancellationToken).ConfigureAwait(false),
            DropViewStatement drop => await DropViewAsync(head, drop, cancellationToken).ConfigureAwait(false),
            CreateBranchStatement create => await CreateBranchAsync(head, create, cancellationToken).ConfigureAwait(false),
            DropBranchStatement drop => await DropBranchAsync(head, drop, cancellationToken).ConfigureAwait(false),
            MergeBranchStatement merge => await MergeAsync(head, merge, cancellationToken).ConfigureAwait(false),
            ShowBranchesStatement => await ShowBranchesAsync(cancellationToken).ConfigureAwait(false),
            ShowViewsStatement show => await ShowViewsAsync(head, show, cancellationToken).ConfigureAwait(false),
            ShowTablesStatement show => await ShowTablesAsync(show, cancellationToken).ConfigureAwait(false),
            ShowLogStatement show => await ShowLogAsync(head, show, cancellationToken).ConfigureAwait(false),
            ShowCreateViewStatement show => await ShowCreateViewAsync(head, show, cancellationToken).ConfigureAwait(false),
            DataStatement data => await ExecuteDataAsync(head, data, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Unhandled statement {statement.GetType().Name}."),
        };
    }

    private async Task<LocalSqlResult> CreateViewAsync(
        CatalogBranch head, CreateViewStatement statement, CancellationToken cancellationToken)
    {
        var key = statement.Key;
        var exists = (await _catalog.GetViewsAsync(head.Hash, [key], cancellationToken).ConfigureAwait(false)).Count > 0;
        if (exists && !statement.OrReplace)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"View {key} already exists at branch '{head.Name}'; use CREATE OR REPLACE VIEW to change it.");
        }

        if (await _catalog.IsDataTableAsync(key, cancellationToken).ConfigureAwait(false))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, $"{key} is a data table; a view may not take a table's name.");
        }

        await _catalog.ValidateViewAsync(head.Name, key, statement.Query, cancellationToken).ConfigureAwait(false);
        var message = exists ? $"ALTER on VIEW {key}" : $"CREATE VIEW {key}";
        var commit = await _catalog.CommitAsync(
            head.Name, head.Hash, [ViewOperation.Put(key, statement.Query)], message, cancellationToken).ConfigureAwait(false);
        return LocalSqlResult.Summary(
            $"View {key} has been {(exists ? "replaced" : "created")} at branch '{head.Name}'.", commit.Hash);
    }

    private async Task<LocalSqlResult> DropViewAsync(
        CatalogBranch head, DropViewStatement statement, CancellationToken cancellationToken)
    {
        var key = statement.Key;
        if ((await _catalog.GetViewsAsync(head.Hash, [key], cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            var missing = $"View {key} does not exist at branch '{head.Name}'.";
            return statement.IfExists
                ? LocalSqlResult.Summary(missing + " Nothing was dropped.")
                : throw new CatalogException(CatalogErrorKind.BadRequest, missing);
        }

        var commit = await _catalog.CommitAsync(
            head.Name, head.Hash, [ViewOperation.Delete(key)], $"DROP VIEW {key}", cancellationToken).ConfigureAwait(false);
        return LocalSqlResult.Summary($"View {key} has been dropped at branch '{head.Name}'.", commit.Hash);
    }

    /// <summary>Plain SQL; a table it names may not be a view at any branch, which the catalog checks as it writes.</summary>
    private Task<LocalSqlResult> ExecuteDataAsync(
        CatalogBranch head, DataStatement statement, CancellationToken cancellationToken) =>
        _catalog.ExecuteDataStatementAsync(head.Name, statement, _maxRows, cancellationToken);
}
