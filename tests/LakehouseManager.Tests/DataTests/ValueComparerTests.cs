using LakehouseManager.DataTests.Expectations;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class ValueComparerTests
{
    public static TheoryData<object?, object?, bool> Equalities => new()
    {
        { 5L, 5m, true },
        { 5L, 5.0m, true },
        { 5.0d, 5m, true },
        { 5m, 5.00m, true },
        { 5, 5L, true },
        { 1234.5d, 1234.5m, true },
        { 0.1d, 0.1m, true },
        { 0.3m, 0.1m + 0.2m, true },
        { 0.1d + 0.2d, 0.3m, false },
        { 5L, 6m, false },
        { 79228162514264337593543950335m, 79228162514264337593543950335m, true },
        { 1e30d, 1e30d, true },
        { double.NaN, double.NaN, false },
        { "5", 5m, false },
        { 5L, "5", false },
        { "acme", "acme", true },
        { "acme", "ACME", false },
        { true, true, true },
        { true, 1m, false },
        { null, null, true },
        { null, 0m, false },
        { "", null, false },
    };

    [Theory]
    [MemberData(nameof(Equalities))]
    public void Values_compare_by_kind_and_numbers_by_value(object? actual, object? expected, bool equal)
    {
        Assert.Equal(equal, ValueComparer.AreEqual(actual, expected));
    }

    [Theory]
    [InlineData(1234.49, true)]
    [InlineData(1234.51, true)]
    [InlineData(1234.52, false)]
    [InlineData(1234.48, false)]
    public void A_tolerance_accepts_a_difference_up_to_it_inclusive(double observed, bool equal)
    {
        Assert.Equal(equal, ValueComparer.AreEqual((decimal)observed, 1234.5m, tolerance: 0.01m));
    }

    [Fact]
    public void A_tolerance_absorbs_floating_point_noise()
    {
        Assert.True(ValueComparer.AreEqual(0.1d + 0.2d, 0.3m, tolerance: 0.000001m));
        Assert.False(ValueComparer.AreEqual(double.NaN, 0m, tolerance: 1000m));
    }

    [Fact]
    public void Decimals_compare_exactly_where_a_double_would_round()
    {
        // 2^53 + 1 has no double; as decimals the two values differ by one.
        Assert.False(ValueComparer.AreEqual(9007199254740993L, 9007199254740992m));
        Assert.True(ValueComparer.AreEqual(9007199254740993L, 9007199254740993m));
    }

    [Fact]
    public void Text_against_a_number_gets_a_hint()
    {
        Assert.Equal(
            "the column holds text and text never equals a number: quote the expected value or CAST the column",
            ValueComparer.KindMismatchHint("5", 5m));
        Assert.Equal("the column holds a number and the expected value is text: write it unquoted",
            ValueComparer.KindMismatchHint(5L, "5"));
        Assert.Null(ValueComparer.KindMismatchHint(5L, 6m));
    }

    [Fact]
    public void Numbers_order_across_types()
    {
        Assert.Equal(0, ValueComparer.Compare(5L, 5.0m));
        Assert.True(ValueComparer.Compare(4.9d, 5m) < 0);
        Assert.True(ValueComparer.Compare(6m, 5L) > 0);
        Assert.Null(ValueComparer.Compare("5", 5m));
        Assert.Null(ValueComparer.Compare(double.NaN, 5m));
    }
}
