using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.Dremio;

/// <summary>
/// Normalises a JSON cell of Dremio's results to null, bool, long, double, decimal or string (the
/// <see cref="DataTests.IQueryCursor"/> contract). Pure.
/// </summary>
/// <remarks>
/// Numbers: an integer literal that fits in 64 bits is a <see cref="long"/>; any other number whose value a
/// <see cref="decimal"/> holds exactly is a decimal, keeping the literal's scale (<c>12.50</c> stays 12.50, so DECIMAL
/// columns compare exactly and <c>0.1</c> is not 0.1000000000000000055); the rest (more than 28 significant digits,
/// or beyond decimal's range) is a <see cref="double"/>, and a literal beyond double's range stays its text.
/// Strings stay strings (Dremio sends DATE, TIME and TIMESTAMP as text), nested LIST/STRUCT/MAP values are their JSON
/// text.
/// </remarks>
internal static class DremioCell
{
    /// <summary>The normalised value of one cell.</summary>
    public static object? Normalize(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => cell.GetString(),
        JsonValueKind.Number => NormalizeNumber(cell.GetRawText()),
        _ => cell.GetRawText(),
    };

    /// <summary>The normalised value of a JSON number literal (see the remarks).</summary>
    public static object NormalizeNumber(string literal)
    {
        var isIntegerLiteral = literal.AsSpan().IndexOfAny(".eE") < 0;
        if (isIntegerLiteral && long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) &&
            SameValue(literal, exact.ToString(CultureInfo.InvariantCulture)))
        {
            return exact;
        }

        return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) &&
            double.IsFinite(approximate)
            ? approximate
            : literal;
    }

    // decimal.TryParse rounds silently when the literal has more precision than a decimal holds; comparing the
    // significant digits and the exponent of both texts detects that.
    private static bool SameValue(string literal, string parsed) => Canonical(literal) == Canonical(parsed);

    private static (bool Negative, string Digits, long Exponent) Canonical(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-', '+');
        var exponent = 0L;
        var e = body.AsSpan().IndexOfAny('e', 'E');
        if (e >= 0)
        {
            var exponentText = body[(e + 1)..];
            body = body[..e];
            if (!int.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var written))
            {
                // An exponent beyond 32 bits: no decimal holds such a value exactly, so make it compare unequal.
                return (negative, body, long.MinValue);
            }

            exponent = written;
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= body.Length - dot - 1;
            body = body.Remove(dot, 1);
        }

        var digits = body.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0 ? (false, "", 0) : (negative, trimmed, exponent);
    }
}
