using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class RowsExpectationTests
{
    private const long Million = 1_000_000;

    [Fact(Timeout = 60_000)]
    public async Task No_rows_passes_on_an_empty_result()
    {
        var result = await new NoRowsExpectation().EvaluateAsync(FakeCursor.Of(["id", "amount"]));

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal("no failing rows", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Failing_rows_keep_the_count_and_the_first_ten_rows_when_the_total_is_known()
    {
        var cursor = new FakeCursor(["id", "amount"], Million, i => [i, -1m], knowsTotal: true);

        var result = await new NoRowsExpectation().EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("1,000,000 rows returned, expected none", result.Message);
        Assert.Equal(["id", "amount"], result.Rows!.Columns);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(long)i), result.Rows.Rows.Select(r => r[0]));
        Assert.Equal("Showing the first 10 of 1,000,000 rows.", result.Rows.Caption);
        Assert.Equal(10, cursor.RowsRead);
    }

    [Fact(Timeout = 60_000)]
    public async Task Failing_rows_of_unknown_total_are_counted_up_to_a_limit()
    {
        var cursor = new FakeCursor(["id"], Million, i => [i]);

        var result = await new NoRowsExpectation().EvaluateAsync(cursor);

        Assert.Equal("at least 10,000 rows returned, expected none", result.Message);
        Assert.Equal(NoRowsExpectation.CountLimit, cursor.RowsRead);
        Assert.Equal(10, result.Rows!.Rows.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_few_failing_rows_are_all_shown()
    {
        var result = await new NoRowsExpectation().EvaluateAsync(FakeCursor.Of(["id"], [1L], [2L], [3L]));

        Assert.Equal("3 rows returned, expected none", result.Message);
        Assert.Equal("3 rows in all.", result.Rows!.Caption);
        Assert.Equal(3, result.Rows.Rows.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_row_count_uses_the_known_total_without_reading()
    {
        var cursor = new FakeCursor(["id"], Million, i => [i], knowsTotal: true);

        var result = await new RowCountExpectation(Million, Million).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal("1,000,000 rows", result.Message);
        Assert.Equal(0, cursor.RowsRead);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_row_count_stops_counting_past_its_upper_bound()
    {
        var cursor = new FakeCursor(["id"], Million, i => [i]);

        var result = await new RowCountExpectation(5, 5).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("observed more than 5 rows, expected exactly 5 rows", result.Message);
        Assert.Equal(6, cursor.RowsRead);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(2L, null, 3, true)]
    [InlineData(2L, null, 1, false)]
    [InlineData(null, 3L, 3, true)]
    [InlineData(1L, 3L, 4, false)]
    [InlineData(0L, 0L, 0, true)]
    public async Task A_row_count_checks_its_bounds(long? min, long? max, int rows, bool passes)
    {
        var cursor = new FakeCursor(["id"], rows, i => [i]);

        var result = await new RowCountExpectation(min, max).EvaluateAsync(cursor);

        Assert.Equal(passes ? DataTestStatus.Passed : DataTestStatus.Failed, result.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancellation_stops_reading_and_is_thrown()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var cursor = new FakeCursor(["id"], Million, i => [i]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NoRowsExpectation().EvaluateAsync(cursor, cancel.Token));
        Assert.Equal(0, cursor.RowsRead);
    }
}
