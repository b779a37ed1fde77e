using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class ScalarExpectationTests
{
    private const long Million = 1_000_000;

    [Fact(Timeout = 60_000)]
    public async Task A_scalar_that_equals_passes_whatever_the_number_type()
    {
        var cursor = FakeCursor.Of(["total"], [5L]);

        var result = await new ScalarExpectation("total", new EqualsConstraint(5.0m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal("total = 5", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_scalar_that_differs_fails_with_observed_expected_and_the_row()
    {
        var cursor = FakeCursor.Of(["region", "total"], ["EMEA", 1000.25m], ["AMER", 1m]);

        var result = await new ScalarExpectation("total", new EqualsConstraint(1234.5m, 0.01m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("total: observed 1000.25, expected 1234.5 ± 0.01", result.Message);
        Assert.Equal(("1234.5 ± 0.01", "1000.25"), (result.Expected, result.Observed));
        Assert.Equal(["region", "total"], result.Rows!.Columns);
        Assert.Equal(["EMEA", 1000.25m], Assert.Single(result.Rows.Rows));
    }

    [Fact(Timeout = 60_000)]
    public async Task Text_never_equals_a_number_and_the_message_says_why()
    {
        var cursor = FakeCursor.Of(["n"], ["5"]);

        var result = await new ScalarExpectation("n", new EqualsConstraint(5m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal(
            "n: observed \"5\", expected 5 (the column holds text and text never equals a number: quote the " +
            "expected value or CAST the column)",
            result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_scalar_on_no_rows_fails()
    {
        var cursor = FakeCursor.Of(["total"]);

        var result = await new ScalarExpectation("total", new EqualsConstraint(0m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("total: the query returned no rows, expected 0", result.Message);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(1500, true)]
    [InlineData(1000, true)]
    [InlineData(2000, true)]
    [InlineData(999.99, false)]
    [InlineData(2000.01, false)]
    public async Task A_scalar_between_bounds_includes_them(double value, bool passes)
    {
        var cursor = FakeCursor.Of(["total"], [value]);

        var result = await new ScalarExpectation("total", new RangeConstraint(1000m, 2000m)).EvaluateAsync(cursor);

        Assert.Equal(passes ? DataTestStatus.Passed : DataTestStatus.Failed, result.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task At_least_and_at_most_check_one_side()
    {
        var atLeast = await new ScalarExpectation(null, new RangeConstraint(1m, null)).EvaluateAsync(FakeCursor.Of(["c"], [0L]));
        var atMost = await new ScalarExpectation(null, new RangeConstraint(null, 10m)).EvaluateAsync(FakeCursor.Of(["c"], [10L]));

        Assert.Equal("c: observed 0, expected at least 1", atLeast.Message);
        Assert.Equal(DataTestStatus.Passed, atMost.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_range_on_a_value_that_is_not_a_number_fails_with_a_hint()
    {
        var result = await new ScalarExpectation("c", new RangeConstraint(1m, null)).EvaluateAsync(FakeCursor.Of(["c"], [(object?)null]));

        Assert.Equal("c: observed null, expected at least 1 (the value is null)", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_column_is_an_error_that_lists_the_columns()
    {
        var cursor = FakeCursor.Of(["region", "amount"], ["EMEA", 1L]);

        var result = await new ScalarExpectation("total", new EqualsConstraint(1m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Error, result.Status);
        Assert.Equal(DataTestErrorKind.UnexpectedResult, result.ErrorKind);
        Assert.Equal("column 'total' not found; the query returned: region, amount", result.Message);
        Assert.Equal(0, cursor.RowsRead);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_column_is_found_case_insensitively_when_no_exact_match_exists()
    {
        var result = await new ScalarExpectation("total", new EqualsConstraint(1m)).EvaluateAsync(FakeCursor.Of(["TOTAL"], [1L]));

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal("TOTAL = 1", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exact_column_match_wins_over_other_cases_and_two_loose_matches_are_ambiguous()
    {
        var exact = await new ScalarExpectation("Total", new EqualsConstraint(2m))
            .EvaluateAsync(FakeCursor.Of(["TOTAL", "Total"], [1L, 2L]));
        var ambiguous = await new ScalarExpectation("total", new EqualsConstraint(2m))
            .EvaluateAsync(FakeCursor.Of(["TOTAL", "Total"], [1L, 2L]));

        Assert.Equal(DataTestStatus.Passed, exact.Status);
        Assert.Equal(DataTestStatus.Error, ambiguous.Status);
        Assert.Equal("column 'total' matches 'TOTAL' and 'Total' when case is ignored; write its exact name", ambiguous.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Leaving_the_column_out_needs_a_one_column_result()
    {
        var result = await new ScalarExpectation(null, new EqualsConstraint(1m)).EvaluateAsync(FakeCursor.Of(["a", "b"], [1L, 2L]));

        Assert.Equal(DataTestStatus.Error, result.Status);
        Assert.Equal("the query returned 2 columns (a, b); name the one to compare with 'column'", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_scalar_reads_one_row_of_a_million()
    {
        var cursor = new FakeCursor(["n"], Million, i => [i]);

        var result = await new ScalarExpectation("n", new EqualsConstraint(0m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal(1, cursor.RowsRead);
    }
}
