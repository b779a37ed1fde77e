namespace LakehouseManager.DataTests.Expectations;

/// <summary>
/// The column's values, row by row, equal a list in order (the original format's <c>sorted_aggregation</c>). Reading
/// stops at the first difference, or at one row past the list's length.
/// </summary>
/// <param name="Column">The column to read; null means the query's only column.</param>
/// <param name="Values">The expected values, in order.</param>
/// <param name="Tolerance">For numbers only: the largest accepted absolute difference per value.</param>
internal sealed record OrderedListExpectation(string? Column, IReadOnlyList<object?> Values, decimal? Tolerance = null)
    : Expectation
{
    public override string Kind => "ordered_list";

    public override string Describe() => $"{Column ?? "the values"} = {ValueText.List(Values)}";

    public override async Task<DataTestEvaluation> EvaluateAsync(
        IQueryCursor cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var (index, error) = ColumnLookup.Find(cursor.Columns, Column);
        if (error is not null)
        {
            return error;
        }

        var name = cursor.Columns[index];
        var observed = new List<object?>();
        string? failure = null;
        var stoppedEarly = false;
        await foreach (var row in cursor.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            var value = CursorReading.Cell(row, index);
            observed.Add(value);
            var position = observed.Count;
            if (position > Values.Count)
            {
                failure = $"{name}: more than the {Values.Count} expected values; value {position} is " +
                          ValueText.Literal(value);
                stoppedEarly = true;
                break;
            }

            var expected = Values[position - 1];
            if (!ValueComparer.AreEqual(value, expected, Tolerance))
            {
                var hint = ValueComparer.KindMismatchHint(value, expected);
                failure = $"{name}: differs at position {position}: observed {ValueText.Literal(value)}, expected " +
                          ValueText.Literal(expected) + (hint is null ? string.Empty : $" ({hint})");
                stoppedEarly = true;
                break;
            }
        }

        if (failure is null && observed.Count < Values.Count)
        {
            failure = $"{name}: {observed.Count} {(observed.Count == 1 ? "value" : "values")}, expected {Values.Count}; " +
                      "the first missing one, at position " +
                      $"{observed.Count + 1}, is {ValueText.Literal(Values[observed.Count])}";
        }

        var expectedText = ValueText.List(Values);
        if (failure is null)
        {
            return DataTestEvaluation.Pass($"{name}: {Values.Count} values in the expected order") with
            {
                Expected = expectedText,
                Observed = ValueText.List(observed),
            };
        }

        // Reading stopped at the difference: the observed list is a prefix, and says so.
        var observedText = ValueText.List(observed);
        return DataTestEvaluation.Fail(failure) with
        {
            Expected = expectedText,
            Observed = stoppedEarly ? observedText[..^1] + ", …]" : observedText,
        };
    }
}
