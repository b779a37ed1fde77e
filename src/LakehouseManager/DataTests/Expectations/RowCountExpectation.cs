namespace LakehouseManager.DataTests.Expectations;

/// <summary>The number of rows is within inclusive bounds (equals N is Min = Max = N).</summary>
internal sealed record RowCountExpectation : Expectation
{
    public RowCountExpectation(long? min, long? max)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A row count needs a lower bound, an upper bound, or both.");
        }

        if (min < 0 || max < 0 || min > max)
        {
            throw new ArgumentException($"Invalid row count bounds {min}..{max}.");
        }

        Min = min;
        Max = max;
    }

    public long? Min { get; }

    public long? Max { get; }

    public override string Kind => "row_count";

    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) when min == max => $"exactly {ValueText.Rows(min)}",
        ({ } min, { } max) => $"between {min:N0} and {ValueText.Rows(max)}",
        ({ } min, null) => $"at least {ValueText.Rows(min)}",
        _ => $"at most {ValueText.Rows(Max!.Value)}",
    };

    public override async Task<DataTestEvaluation> EvaluateAsync(
        IQueryCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var count = cursor.TotalRows ?? 0;
        var tooMany = false;
        if (cursor.TotalRows is null)
        {
            await foreach (var _ in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                count++;

                // Past the upper bound the verdict is known: stop instead of counting the rest.
                if (count > Max)
                {
                    tooMany = true;
                    break;
                }
            }
        }

        var observed = tooMany ? $"more than {ValueText.Rows(Max!.Value)}" : ValueText.Rows(count);
        var expected = Describe();
        var ok = !tooMany && (Min is null || count >= Min) && (Max is null || count <= Max);
        return ok
            ? DataTestEvaluation.Pass(observed) with { Expected = expected, Observed = observed }
            : DataTestEvaluation.Fail($"observed {observed}, expected {expected}") with
            {
                Expected = expected,
                Observed = observed,
            };
    }
}
