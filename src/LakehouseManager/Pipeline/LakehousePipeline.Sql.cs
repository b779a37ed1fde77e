using LakehouseManager.Composition;
using LakehouseManager.Dremio;
using LakehouseManager.Pipeline.Sql;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>The Sql target on Dremio: statements run at a branch through the SQL API, their rows printed.</summary>
public sealed partial class LakehousePipeline
{
    /// <summary>The most rows printed per statement; the count says how many there were.</summary>
    public const int SqlRowsShown = 100;

    /// <summary>
    /// Runs a statement, or a script of statements separated by semicolons, one job each, in order, with the catalog
    /// source pinned to <paramref name="branch"/> (<c>references</c>): <c>SELECT</c>, view DDL, <c>CREATE BRANCH</c>,
    /// <c>MERGE BRANCH</c> and the rest pass through to Dremio as written. Stops at the first statement that fails
    /// (a failed job raises <see cref="DataTests.QueryFailedException"/>; a statement that reports failure in its rows,
    /// such as a merge with conflicts, ends the run with <see cref="SqlStatementResult.Succeeded"/> false).
    /// </summary>
    public async Task<IReadOnlyList<SqlStatementResult>> RunDremioSqlAsync(
        string branch, string script, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var statements = DremioSqlScript.Split(script ?? "");
        if (statements.Count == 0)
        {
            throw new LakehouseException("The SQL holds no statement: pass one with --sql, or a script with --sql-file.");
        }

        var engine = (await DremioAsync(cancellationToken).ConfigureAwait(false)).Engine;
        var results = new List<SqlStatementResult>();
        foreach (var statement in statements)
        {
            _logger.LogInformation("Running on {Engine} at branch {Branch}: {Statement}", engine.Description, branch, statement);
            var request = DremioSqlRequest.AtBranch(statement, engine.CatalogSource, branch) with
            {
                Context = Settings.DremioOptions?.Context,
            };
            await using var cursor = await engine.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            var rows = new List<IReadOnlyList<object?>>();
            await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (rows.Count == SqlRowsShown)
                {
                    break;
                }

                rows.Add(row);
            }

            var result = new SqlStatementResult(statement, cursor.Columns, rows, cursor.TotalRows ?? rows.Count);
            _logger.LogInformation("{Result}", SqlStatementResultText.Render(result));
            results.Add(result);
            if (!result.Succeeded)
            {
                break;
            }
        }

        return results;
    }

    private Task<DremioConnection> DremioAsync(CancellationToken cancellationToken) => Settings.Catalog switch
    {
        CatalogKind.Dremio or CatalogKind.DremioCloud => _lakehouse.GetDremioAsync(cancellationToken),
        CatalogKind.Nessie when !string.IsNullOrWhiteSpace(Settings.DremioUrl) => _lakehouse.GetDremioAsync(cancellationToken),
        var kind => throw new LakehouseException(
            $"--catalog {CatalogAdapters.Flag(kind)} has no SQL engine for the Sql target: use --catalog dremio or " +
            "dremio-cloud (or give --catalog nessie a --dremio-url that reads it as a source)."),
    };
}
