namespace LakehouseManager.DataTests.Expectations;

/// <summary>
/// How an observed cell is compared with a value written in a tests file (docs/data-tests.md, "Comparing values").
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Numbers compare by value whatever their type: 5, 5.0 and 5.00 are equal.</item>
/// <item>Integers and decimals compare exactly as decimals (0.1 + 0.2 = 0.3 holds for a DECIMAL column).</item>
/// <item>When the cell is a floating-point number (a DOUBLE column), the expected literal is read as the nearest double
/// and compared with it: a stored 0.1 equals 0.1, but a computed 0.30000000000000004 does not equal 0.3; use a
/// tolerance for computed floating-point values.</item>
/// <item>Text never equals a number: a text "5" against an expected 5 fails, with a hint. A column that turns from
/// numeric to text is a schema change the test should catch, and the file can quote the value to mean text.</item>
/// <item>Text compares exactly (ordinal, case-sensitive); null only equals null.</item>
/// <item>An expected true/false equals a boolean, or an integer 1/0: SQLite, under the local catalog, has no boolean
/// and returns a computed one (<c>x &gt; 5</c>) as 1 or 0 where Dremio returns true or false, and a test must mean
/// the same on both. An expected number never equals a boolean cell.</item>
/// </list>
/// </remarks>
internal static class ValueComparer
{
    public static bool IsNumber(object? value) =>
        value is long or int or short or sbyte or byte or ulong or uint or ushort or decimal or double or float;

    /// <summary>Whether the observed value equals the expected one, within the tolerance when one is given.</summary>
    public static bool AreEqual(object? actual, object? expected, decimal? tolerance = null)
    {
        if (actual is null || expected is null)
        {
            return actual is null && expected is null;
        }

        if (IsNumber(actual) && IsNumber(expected))
        {
            return tolerance is null ? Compare(actual, expected) == 0 : WithinTolerance(actual, expected, tolerance.Value);
        }

        return (actual, expected) switch
        {
            (string a, string e) => string.Equals(a, e, StringComparison.Ordinal),
            (bool a, bool e) => a == e,
            (_, bool e) when IsInteger(actual) => TryDecimal(actual, out var n) && n == (e ? 1 : 0),
            _ => false,
        };
    }

    /// <summary>
    /// Compares two numbers (exactly as decimals when both fit, else as doubles); null when either is not a number or a
    /// NaN is involved.
    /// </summary>
    public static int? Compare(object? actual, object? expected)
    {
        if (actual is null || expected is null || !IsNumber(actual) || !IsNumber(expected))
        {
            return null;
        }

        if (TryDecimal(actual, out var a) && TryDecimal(expected, out var e))
        {
            return a.CompareTo(e);
        }

        var x = ToDouble(actual);
        var y = ToDouble(expected);
        return double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);
    }

    /// <summary>
    /// A hint when the values cannot be equal because of their kinds ("text never equals a number"), else null.
    /// </summary>
    public static string? KindMismatchHint(object? actual, object? expected)
    {
        if (actual is null || expected is null)
        {
            return null;
        }

        if (actual is string && IsNumber(expected))
        {
            return "the column holds text and text never equals a number: quote the expected value or CAST the column";
        }

        if (IsNumber(actual) && expected is string)
        {
            return "the column holds a number and the expected value is text: write it unquoted";
        }

        return expected is bool || actual is bool ? BooleanHint(actual, expected) : null;
    }

    /// <summary>Why a boolean and a value of another kind differ; null when both are booleans.</summary>
    private static string? BooleanHint(object actual, object expected) => (actual, expected) switch
    {
        (bool, bool) => null,
        (_, bool) when IsInteger(actual) => TryDecimal(actual, out var n) && n is 0 or 1
            ? null
            : $"the column holds the number {ValueText.Cell(actual)} and a boolean only equals 0 (false) or 1 (true)",
        (_, bool) when IsNumber(actual) =>
            "the column holds a number and a boolean only equals the integers 0 (false) and 1 (true)",
        (string, bool) => "the column holds text and text never equals a boolean: quote the expected value, or compare a boolean column",
        (_, bool) => null,
        (bool, string) => "the column holds a boolean and the expected value is text: write it unquoted, true or false",
        (bool, _) => "the column holds a boolean: write the expected value as true or false",
        _ => null,
    };

    private static bool IsInteger(object value) =>
        value is long or int or short or sbyte or byte or ulong or uint or ushort;

    private static bool WithinTolerance(object actual, object expected, decimal tolerance)
    {
        if (TryDecimal(actual, out var a) && TryDecimal(expected, out var e))
        {
            try
            {
                return Math.Abs(a - e) <= tolerance;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        // A NaN distance compares false, so NaN is never within any tolerance.
        return Math.Abs(ToDouble(actual) - ToDouble(expected)) <= (double)tolerance;
    }

    /// <summary>Integers and decimals convert exactly; floating-point values stay doubles on purpose.</summary>
    private static bool TryDecimal(object value, out decimal result)
    {
        switch (value)
        {
            case decimal d:
                result = d;
                return true;
            case long or int or short or sbyte or byte or ulong or uint or ushort:
                result = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            default:
                result = 0;
                return false;
        }
    }

    private static double ToDouble(object value) =>
        Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
