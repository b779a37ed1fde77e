using System.Globalization;
using System.Text;

namespace LakehouseManager.Reporting;

/// <summary>Escaping for GitHub-flavoured markdown, as CodeCommit and most pull-request hosts render it.</summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_[]<>|#~";

    /// <summary>
    /// Text for a table cell or a paragraph: markdown punctuation is backslash-escaped (so a value such as
    /// <c>a|b</c> or <c>*</c> shows as itself), and line breaks become <c>&lt;br&gt;</c> so a cell stays on its row.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append("<br>");
            }
            else if (c == '\n')
            {
                builder.Append("<br>");
            }
            else if (c == '&')
            {
                builder.Append("&amp;");
            }
            else if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                // Shown, not dropped: "\u0007", its backslash escaped.
                builder.Append(CultureInfo.InvariantCulture, $"\\\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// An inline code span that shows the text verbatim: the fence is one backtick longer than the longest run inside
    /// and line breaks become spaces. In a table cell <c>|</c> is escaped, because GFM splits cells before it parses
    /// code spans (and outside a table the backslash would show).
    /// </summary>
    public static string Code(string text, bool inTable = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var single = PrintableText.Visible(text).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        if (inTable)
        {
            single = single.Replace("|", "\\|", StringComparison.Ordinal);
        }

        var fence = new string('`', LongestRun(single, '`') + 1);
        var pad = single.StartsWith('`') || single.EndsWith('`') ? " " : string.Empty;
        return fence + pad + single + pad + fence;
    }

    /// <summary>A fenced code block (e.g. <c>sql</c>) whose fence is longer than any backtick run in the text.</summary>
    public static string CodeBlock(string text, string language = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        var visible = PrintableText.Visible(text).TrimEnd('\n', '\r');
        var fence = new string('`', Math.Max(3, LongestRun(visible, '`') + 1));
        return $"{fence}{language}\n{visible}\n{fence}\n";
    }

    /// <summary>Text for inside an HTML element such as <c>&lt;summary&gt;</c>: one line, with &amp; &lt; &gt; escaped.</summary>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PrintableText.Visible(text).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var x in text)
        {
            current = x == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
