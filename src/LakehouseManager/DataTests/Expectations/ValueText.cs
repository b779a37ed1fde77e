using System.Globalization;
using System.Text;

namespace LakehouseManager.DataTests.Expectations;

/// <summary>How values read in reports: cells as they are, literals in messages with text quoted.</summary>
internal static class ValueText
{
    /// <summary>A cell for a table: text as is, null as "null", numbers in invariant culture, doubles round-trip, dates
    /// in ISO 8601.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),

        // Dates in ISO 8601, whatever the culture: the invariant culture's default is the US order (03/12/2026).
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A value in a message: text in double quotes (so "5" and 5 read differently), the rest as a cell.</summary>
    public static string Literal(object? value)
    {
        if (value is not string s)
        {
            return Cell(value);
        }

        var builder = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A list of literals, "[a, b, c]", showing at most <paramref name="max"/> values.</summary>
    public static string List(IEnumerable<object?> values, int max = 20)
    {
        var all = values.ToList();
        var shown = string.Join(", ", all.Take(max).Select(Literal));
        return all.Count > max ? $"[{shown}, … ({all.Count - max} more)]" : $"[{shown}]";
    }

    /// <summary>"1 row", "3 rows", with a thousands separator.</summary>
    public static string Rows(long count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "row" : "rows")}");
}
