using LakehouseManager.Catalog.Local.Sql;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// View statements staged one by one and committed together: a script applied as one catalog commit. Nothing is
/// written until <see cref="CommitBatchAsync"/>; each statement is checked against the branch as the statements
/// before it leave it (a view must compile with the views created or dropped before it).
/// </summary>
public sealed partial class LocalSqlExecutor
{
    internal async Task<ViewBatch> BeginBatchAsync(string branch, CancellationToken cancellationToken) =>
        new(await _catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false));

    /// <summary>Checks one statement and stages it; only CREATE [OR REPLACE] VIEW and DROP VIEW can be staged.</summary>
    internal async Task<LocalSqlResult> StageAsync(ViewBatch batch, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var head = batch.Head;
        switch (LocalStatementParser.Parse(sql))
        {
            case CreateViewStatement create:
                var exists = await batch.ExistsAsync(_catalog, create.Key, cancellationToken).ConfigureAwait(false);
                if (exists && !create.OrReplace)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest,
                        $"View {create.Key} already exists at branch '{head.Name}'; use CREATE OR REPLACE VIEW to change it.");
                }

                if (await _catalog.IsDataTableAsync(create.Key, cancellationToken).ConfigureAwait(false))
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest, $"{create.Key} is a data table; a view may not take a table's name.");
                }

                await _catalog.ValidateViewAsync(head.Name, create.Key, create.Query, batch.Pending, cancellationToken)
                    .ConfigureAwait(false);
                batch.Stage(create.Key, create.Query);
                return LocalSqlResult.Summary(
                    $"View {create.Key} will be {(exists ? "replaced" : "created")} at branch '{head.Name}' by the script's commit.");
            case DropViewStatement drop:
                if (!await batch.ExistsAsync(_catalog, drop.Key, cancellationToken).ConfigureAwait(false))
                {
                    var missing = $"View {drop.Key} does not exist at branch '{head.Name}'.";
                    return drop.IfExists
                        ? LocalSqlResult.Summary(missing + " Nothing will be dropped.")
                        : throw new CatalogException(CatalogErrorKind.BadRequest, missing);
                }

                batch.Stage(drop.Key, null);
                return LocalSqlResult.Summary($"View {drop.Key} will be dropped at branch '{head.Name}' by the script's commit.");
            case var other:
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    "A script applied as one commit holds view statements only (CREATE [OR REPLACE] VIEW, DROP VIEW); " +
                    $"this is {NotStageable(other)}. Run the script statement by statement instead.");
        }
    }

    /// <summary>Commits the staged changes as one commit; a script that changes no view makes none.</summary>
    internal async Task<LocalSqlResult> CommitBatchAsync(ViewBatch batch, CancellationToken cancellationToken)
    {
        var operations = new List<ViewOperation>();
        var lines = new List<string>();
        var (created, replaced, dropped) = (0, 0, 0);
        foreach (var (key, sql, existed) in batch.Changes)
        {
            if (sql is not null)
            {
                operations.Add(ViewOperation.Put(key, sql));
                lines.Add(existed ? $"ALTER on VIEW {key}" : $"CREATE VIEW {key}");
                if (existed)
                {
                    replaced++;
                }
                else
                {
                    created++;
                }
            }
            else if (existed)
            {
                operations.Add(ViewOperation.Delete(key));
                lines.Add($"DROP VIEW {key}");
                dropped++;
            }
        }

        if (operations.Count == 0)
        {
            return LocalSqlResult.Summary($"The script changes no view at branch '{batch.Head.Name}'; nothing was committed.");
        }

        var counts = $"{created} created, {replaced} replaced, {dropped} dropped";
        var commit = await _catalog.CommitAsync(
            batch.Head.Name, batch.Head.Hash, operations, $"SQL script: {counts}\n\n{string.Join('\n', lines)}", cancellationToken)
            .ConfigureAwait(false);
        return LocalSqlResult.Summary(
            $"The script's views have been committed at branch '{batch.Head.Name}' as one commit ({counts}).", commit.Hash);
    }

    private static string NotStageable(LocalStatement statement) => statement switch
    {
        CreateBranchStatement or DropBranchStatement or MergeBranchStatement => "a branch statement, a catalog operation of its own",
        DataStatement data when SqlStatementText.IsQuery(data.Sql.Significant) => "a query, which would not see the staged views",
        DataStatement => "plain SQL on the data tables, which are not versioned and so cannot be part of a catalog commit",
        _ => "a SHOW statement, which would not see the staged views",
    };
}
