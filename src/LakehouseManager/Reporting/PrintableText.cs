using System.Globalization;
using System.Text;

namespace LakehouseManager.Reporting;

/// <summary>Text safe to print: control characters other than line breaks and tabs shown as <c>\uXXXX</c>.</summary>
internal static class PrintableText
{
    /// <summary>
    /// A bell or escape sequence in an engine message or a cell must not ring a terminal, recolour a CI log or vanish
    /// from a report: it is shown, visibly, as <c>\u0007</c>.
    /// </summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return builder?.ToString() ?? text;
    }
}
