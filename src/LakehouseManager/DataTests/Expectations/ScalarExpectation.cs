namespace LakehouseManager.DataTests.Expectations;

/// <summary>A value of the first row must meet a constraint (the original format's <c>scalar</c>).</summary>
/// <param name="Column">The column to read; null means the query's only column.</param>
/// <param name="Constraint">What the value must be.</param>
internal sealed record ScalarExpectation(string? Column, ValueConstraint Constraint) : Expectation
{
    public override string Kind => "scalar";

    public override string Describe() => $"{Column ?? "the value"} {Verb()} {Constraint.Describe()}";

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
        var expected = Constraint.Describe();
        var first = await CursorReading.FirstRowAsync(cursor, cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return DataTestEvaluation.Fail($"{name}: the query returned no rows, expected {expected}") with
            {
                Expected = expected,
                Observed = "no rows",
            };
        }

        var value = CursorReading.Cell(first, index);
        var observed = ValueText.Literal(value);
        if (Constraint.IsSatisfiedBy(value))
        {
            return DataTestEvaluation.Pass($"{name} = {observed}") with { Expected = expected, Observed = observed };
        }

        var hint = Constraint.Hint(value);
        return DataTestEvaluation.Fail($"{name}: observed {observed}, expected {expected}" +
                                       (hint is null ? string.Empty : $" ({hint})")) with
        {
            Expected = expected,
            Observed = observed,
            Rows = new RowSample(cursor.Columns, [first], "The first row of the result."),
        };
    }

    private string Verb() => Constraint is EqualsConstraint ? "=" : "is";
}
