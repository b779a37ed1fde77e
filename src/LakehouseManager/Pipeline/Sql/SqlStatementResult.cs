namespace LakehouseManager.Pipeline.Sql;

/// <summary>
/// What one statement of the Sql target answered on Dremio: its columns, the rows read (at most the display limit),
/// how many there were, and whether the statement says it succeeded.
/// </summary>
/// <param name="Statement">The statement as it was sent.</param>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows read, cells normalised (null, bool, long, double, decimal, string).</param>
/// <param name="TotalRows">How many rows the job produced.</param>
public sealed record SqlStatementResult(
    string Statement,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    long TotalRows)
{
    /// <summary>
    /// False when the statement reports a failure in its rows, which does not fail the job: <c>MERGE BRANCH</c> answers
    /// a conflict with <c>status</c> FAILURE rows, CREATE/DROP BRANCH and ALTER BRANCH with <c>ok</c> false (api-facts
    /// B.4).
    /// </summary>
    public bool Succeeded => !Rows.Any(row =>
        (Cell(row, "status") is string status && status.Equals("FAILURE", StringComparison.OrdinalIgnoreCase)) ||
        Cell(row, "ok") is false);

    private object? Cell(IReadOnlyList<object?> row, string column)
    {
        for (var i = 0; i < Columns.Count && i < row.Count; i++)
        {
            if (Columns[i].Equals(column, StringComparison.OrdinalIgnoreCase))
            {
                return row[i];
            }
        }

        return null;
    }
}
