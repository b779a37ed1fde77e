using System.Globalization;
using System.Text;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// The first line where two texts differ, 1-based, with both versions of that line (null when that text has no such
/// line because it ends before). Enough to find the change without printing the whole SQL.
/// </summary>
public sealed record TextDifference(int Line, int Column, string? CatalogLine, string? MirrorLine)
{
    /// <summary>The first difference between the catalog's text and the mirror's, or null when they are equal.</summary>
    public static TextDifference? Find(string catalogText, string mirrorText)
    {
        ArgumentNullException.ThrowIfNull(catalogText);
        ArgumentNullException.ThrowIfNull(mirrorText);
        if (string.Equals(catalogText, mirrorText, StringComparison.Ordinal))
        {
            return null;
        }

        var catalogLines = catalogText.Split('\n');
        var mirrorLines = mirrorText.Split('\n');
        for (var i = 0; ; i++)
        {
            var catalogLine = i < catalogLines.Length ? catalogLines[i] : null;
            var mirrorLine = i < mirrorLines.Length ? mirrorLines[i] : null;
            if (string.Equals(catalogLine, mirrorLine, StringComparison.Ordinal))
            {
                continue;
            }

            return new TextDifference(i + 1, FirstDifferentColumn(catalogLine ?? string.Empty, mirrorLine ?? string.Empty),
                catalogLine, mirrorLine);
        }
    }

    /// <summary>
    /// The line as a short excerpt around <see cref="Column"/>: long SQL lines are cut with "…", and characters that
    /// print as nothing or as a plain space are shown by <see cref="ShowInvisible"/>, so the difference can be seen.
    /// </summary>
    public static string Excerpt(string? line, int column, int width = 100)
    {
        if (line is null)
        {
            return "(no such line: the text ends before)";
        }

        var start = column - 1 > width / 2 ? column - 1 - (width / 4) : 0;
        if (start > 0 && start < line.Length && char.IsLowSurrogate(line[start]))
        {
            start--;
        }

        var end = Math.Min(line.Length, start + width);
        if (end < line.Length && end > 0 && char.IsHighSurrogate(line[end - 1]))
        {
            end--;
        }

        return (start > 0 ? "…" : string.Empty) + ShowInvisible(line[start..end]) + (end < line.Length ? "…" : string.Empty);
    }

    /// <summary>
    /// The text with its invisible characters made visible: <c>\r</c> and <c>\t</c>, and <c>&lt;U+XXXX&gt;</c> for other
    /// control and format characters (a byte-order mark is <c>&lt;U+FEFF&gt;</c>) and for spaces other than U+0020 (a
    /// no-break space is <c>&lt;U+00A0&gt;</c>).
    /// </summary>
    public static string ShowInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (IsInvisible(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the character prints as nothing, or looks like an ordinary space while it is not one.</summary>
    public static bool IsInvisible(char c) =>
        c != ' ' &&
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static int FirstDifferentColumn(string a, string b)
    {
        var count = Math.Min(a.Length, b.Length);
        for (var i = 0; i < count; i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return count + 1;
    }
}
