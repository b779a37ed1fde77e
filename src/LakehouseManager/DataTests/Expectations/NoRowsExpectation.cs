namespace LakehouseManager.DataTests.Expectations;

/// <summary>
/// The query selects offending rows and the test passes when none come back (dbt's convention). A failure keeps the
/// count and the first <see cref="RowSample.MaxRows"/> rows.
/// </summary>
internal sealed record NoRowsExpectation : Expectation
{
    /// <summary>
    /// When the engine does not know the total, counting stops here: "at least 10,000 failing rows" says all a reviewer
    /// needs, and reading millions of rows page by page would cost more than the test.
    /// </summary>
    public const long CountLimit = 10_000;

    public override string Kind => "no_rows";

    public override string Describe() => "no rows";

    public override async Task<DataTestEvaluation> EvaluateAsync(
        IQueryCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var known = cursor.TotalRows;
        var sample = new List<IReadOnlyList<object?>>();
        long counted = 0;
        if (known != 0)
        {
            await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                counted++;
                if (sample.Count < RowSample.MaxRows)
                {
                    sample.Add(CursorReading.Copy(row));
                }

                var enough = known is { } total ? sample.Count >= Math.Min(total, RowSample.MaxRows) : counted >= CountLimit;
                if (enough)
                {
                    break;
                }
            }
        }

        var count = known ?? counted;
        if (count == 0)
        {
            return DataTestEvaluation.Pass("no failing rows") with { Expected = "no rows", Observed = "no rows" };
        }

        var observed = known is null && counted >= CountLimit ? $"at least {ValueText.Rows(count)}" : ValueText.Rows(count);
        var caption = sample.Count < count
            ? $"Showing the first {sample.Count} of {observed}."
            : $"{ValueText.Rows(count)} in all.";
        return DataTestEvaluation.Fail($"{observed} returned, expected none") with
        {
            Expected = "no rows",
            Observed = observed,
            Rows = new RowSample(cursor.Columns, sample, caption),
        };
    }
}
