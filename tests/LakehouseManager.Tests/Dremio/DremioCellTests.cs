using System.Text.Json;
using LakehouseManager.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioCellTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integer_literals_that_fit_64_bits_are_longs(string literal, long expected)
    {
        Assert.Equal(expected, Assert.IsType<long>(DremioCell.NormalizeNumber(literal)));
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("0.1", "0.1")]
    [InlineData("1.0", "1.0")]
    [InlineData("1e3", "1000")]
    [InlineData("-2.5E-3", "-0.0025")]
    [InlineData("9223372036854775808", "9223372036854775808")]
    public void Other_numbers_that_a_decimal_holds_exactly_are_decimals_with_their_scale(string literal, string expected)
    {
        var value = Assert.IsType<decimal>(DremioCell.NormalizeNumber(literal));

        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0.12345678901234567890123456789012", 0.12345678901234568)]
    [InlineData("1.5e300", 1.5e300)]
    [InlineData("1e-40", 1e-40)]
    public void Numbers_beyond_a_decimals_precision_or_range_are_doubles(string literal, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(DremioCell.NormalizeNumber(literal)));
    }

    [Fact]
    public void A_number_beyond_a_doubles_range_keeps_its_text()
    {
        Assert.Equal("1e999", DremioCell.NormalizeNumber("1e999"));
    }

    [Fact]
    public void Json_scalars_become_null_bool_and_string_and_nested_values_their_json_text()
    {
        using var document = JsonDocument.Parse("""[null, true, false, "2024-01-02 03:04:05.000", [1,2], {"a":1}]""");
        var cells = document.RootElement.EnumerateArray().Select(DremioCell.Normalize).ToArray();

        Assert.Equal<object?>([null, true, false, "2024-01-02 03:04:05.000", "[1,2]", """{"a":1}"""], cells);
    }
}
