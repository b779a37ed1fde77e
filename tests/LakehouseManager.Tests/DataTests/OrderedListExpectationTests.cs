using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class OrderedListExpectationTests
{
    private const long Million = 1_000_000;

    [Fact(Timeout = 60_000)]
    public async Task An_ordered_list_passes_when_values_match_in_order()
    {
        var cursor = FakeCursor.Of(["customer", "revenue"], ["acme", 10L], ["globex", 5L]);

        var result = await new OrderedListExpectation("customer", ["acme", "globex"]).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Passed, result.Status);
        Assert.Equal("customer: 2 values in the expected order", result.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_ordered_list_stops_at_the_first_difference()
    {
        var cursor = new FakeCursor(["customer"], Million, i => [i == 1 ? "initech" : $"c{i}"]);

        var result = await new OrderedListExpectation("customer", ["c0", "globex", "c2"]).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("customer: differs at position 2: observed \"initech\", expected \"globex\"", result.Message);
        Assert.Equal("[\"c0\", \"initech\", …]", result.Observed);
        Assert.Equal(2, cursor.RowsRead);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_ordered_list_reads_at_most_one_row_past_its_length()
    {
        var cursor = new FakeCursor(["n"], Million, i => [i]);

        var result = await new OrderedListExpectation("n", [0m, 1m, 2m]).EvaluateAsync(cursor);

        Assert.Equal("n: more than the 3 expected values; value 4 is 3", result.Message);
        Assert.Equal(4, cursor.RowsRead);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_ordered_list_with_missing_values_names_the_first_missing_one()
    {
        var result = await new OrderedListExpectation("c", ["acme", "globex", "initech"])
            .EvaluateAsync(FakeCursor.Of(["c"], ["acme"]));

        Assert.Equal("c: 1 value, expected 3; the first missing one, at position 2, is \"globex\"", result.Message);
        Assert.Equal("[\"acme\"]", result.Observed);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_ordered_list_compares_numbers_by_value_and_within_tolerance()
    {
        var exact = await new OrderedListExpectation("n", [1m, 2.5m]).EvaluateAsync(FakeCursor.Of(["n"], [1L], [2.5d]));
        var loose = await new OrderedListExpectation("n", [1m], 0.1m).EvaluateAsync(FakeCursor.Of(["n"], [1.05d]));

        Assert.Equal(DataTestStatus.Passed, exact.Status);
        Assert.Equal(DataTestStatus.Passed, loose.Status);
    }
}
