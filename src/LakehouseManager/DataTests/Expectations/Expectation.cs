namespace LakehouseManager.DataTests.Expectations;

/// <summary>
/// What a test's rows must show; one per test. Each kind reads the cursor as little as it can: a verdict never needs the
/// whole result in memory, and most need only its first rows.
/// </summary>
public abstract record Expectation
{
    private protected Expectation()
    {
    }

    /// <summary>The kind as the YAML format names it: <c>no_rows</c>, <c>scalar</c>, <c>ordered_list</c>, <c>row_count</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The expectation in words, e.g. "no rows", "total = 1234.5 ± 0.01".</summary>
    public abstract string Describe();

    /// <summary>Judges the rows. A missing column is an error verdict, not an exception; cancellation throws.</summary>
    public abstract Task<DataTestEvaluation> EvaluateAsync(
        IQueryCursor cursor, CancellationToken cancellationToken = default);
}
