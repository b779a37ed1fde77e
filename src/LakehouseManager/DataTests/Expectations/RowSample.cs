namespace LakehouseManager.DataTests.Expectations;

/// <summary>The first rows of a failing test, with column names, for reports.</summary>
/// <param name="Columns">The query's column names.</param>
/// <param name="Rows">At most <see cref="MaxRows"/> rows, cells lined up with the columns.</param>
/// <param name="Caption">What the rows are, e.g. "Showing 10 of 1,234 failing rows."</param>
public sealed record RowSample(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    string Caption)
{
    /// <summary>The most rows a sample keeps: enough to see the problem, small enough for a PR comment.</summary>
    public const int MaxRows = 10;
}
