namespace LakehouseManager.Catalog.Local;

/// <summary>
/// What one statement of the local SQL front door produced, for a console to print: result columns and rows (cells
/// are null, bool, long, double, decimal or string), a one-line message, whether it succeeded (a merge with conflicts
/// does not, and its rows say why), whether rows were cut at the row limit, and the commit it made, if any.
/// </summary>
public sealed record LocalSqlResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, string Message)
{
    public bool Succeeded { get; init; } = true;

    public bool Truncated { get; init; }

    public string? CommitHash { get; init; }

    /// <summary>
    /// Whether the rows are views, (path, SQL) pairs (SHOW VIEWS, SHOW CREATE VIEW): a console prints each SQL text
    /// verbatim, since a table would cut and flatten it.
    /// </summary>
    public bool IsViewDefinitions { get; init; }

    /// <summary>Dremio's result of a DDL command: columns <c>ok</c> and <c>summary</c>, one row.</summary>
    public static LocalSqlResult Summary(string summary, string? commitHash = null) =>
        new(["ok", "summary"], [[true, summary]], summary) { CommitHash = commitHash };
}
