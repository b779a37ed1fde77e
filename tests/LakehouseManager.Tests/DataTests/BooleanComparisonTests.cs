using LakehouseManager.Catalog.Local;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Tests.Pipeline.Demo;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

/// <summary>SQLite has no boolean: a computed boolean comes back as 0 or 1, where Dremio returns true or false.</summary>
public sealed class BooleanComparisonTests
{
    public static TheoryData<object?, object?, bool> Equalities => new()
    {
        { 1L, true, true },
        { 0L, false, true },
        { 1, true, true },
        { 1L, false, false },
        { 0L, true, false },
        { 2L, true, false },
        { -1L, false, false },
        { 1m, true, false },
        { 1.0d, true, false },
        { "true", true, false },
        { true, 1m, false },
        { true, "true", false },
    };

    [Theory]
    [MemberData(nameof(Equalities))]
    public void An_expected_boolean_equals_an_integer_cell_of_0_or_1_only(object? actual, object? expected, bool equal) =>
        Assert.Equal(equal, ValueComparer.AreEqual(actual, expected));

    [Theory]
    [InlineData(2L, true, "the column holds the number 2 and a boolean only equals 0 (false) or 1 (true)")]
    [InlineData(1.5d, false, "the column holds a number and a boolean only equals the integers 0 (false) and 1 (true)")]
    [InlineData("true", true, "the column holds text and text never equals a boolean: quote the expected value, or compare a boolean column")]
    [InlineData(true, 1L, "the column holds a boolean: write the expected value as true or false")]
    [InlineData(false, "false", "the column holds a boolean and the expected value is text: write it unquoted, true or false")]
    public void Any_other_mix_of_a_boolean_and_another_kind_gets_a_hint(object actual, object expected, string hint) =>
        Assert.Equal(hint, ValueComparer.KindMismatchHint(actual, expected));

    [Fact]
    public void Values_of_the_same_kind_get_no_hint()
    {
        Assert.Null(ValueComparer.KindMismatchHint(true, false));
        Assert.Null(ValueComparer.KindMismatchHint(0L, true));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_computed_boolean_on_the_local_catalog_equals_true_as_it_does_on_Dremio()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await DemoCatalog.CreateAsync(temp);
        var suite = DataTestFileParser.Parse(
            """
            tests:
              - name: enough_orders
                sql: SELECT COUNT(*) > 5 AS ok FROM shop.sales.orders_completed
                expect: { scalar: { column: ok, equals: true } }
              - name: no_refunds_flag
                sql: SELECT COUNT(*) > 100 AS ok FROM shop.sales.orders_completed
                expect: { scalar: { column: ok, equals: false } }
              - name: listed
                sql: SELECT n > 1 AS ok FROM (SELECT 1 AS n UNION ALL SELECT 2) ORDER BY n
                expect: { ordered_list: { equals: [false, true] } }
            """,
            "tests.yaml");

        // Act
        var run = await new DataTestRunner(new LocalQueryEngine(catalog)).RunAsync(suite, QueryVersion.AtHead("main"));

        // Assert
        Assert.All(run.Results, r => Assert.Equal(DataTestStatus.Passed, r.Status));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_comparison_of_a_boolean_with_a_number_says_why()
    {
        var cursor = FakeCursor.Of(["ok"], [true]);

        var result = await new ScalarExpectation("ok", new EqualsConstraint(1m)).EvaluateAsync(cursor);

        Assert.Equal(DataTestStatus.Failed, result.Status);
        Assert.Equal("ok: observed true, expected 1 (the column holds a boolean: write the expected value as true or false)", result.Message);
    }
}
