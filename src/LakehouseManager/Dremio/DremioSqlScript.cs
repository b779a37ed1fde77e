namespace LakehouseManager.Dremio;

/// <summary>
/// Splits SQL text into statements at the semicolons that are outside quotes and comments: Dremio's SQL API runs one
/// statement per job (api-facts B.2). Strings (<c>'it''s'</c>), quoted names (<c>"a;b"</c>), <c>--</c> and
/// <c>/* */</c> comments are kept inside their statement. Pure.
/// </summary>
internal static class DremioSqlScript
{
    /// <summary>The statements, trimmed, without their semicolons; empty statements (only comments) are left out.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '\'' or '"')
            {
                i = SkipQuoted(text, i, c);
            }
            else if (c == '-' && next == '-')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end + 1 : text.Length;
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new LakehouseException(
                        $"The SQL has a comment (/* ... */) that is never closed, at character {i + 1}: close it with */.");
                }

                i = end + 2;
            }
            else if (c == ';')
            {
                Add(statements, text[start..i]);
                start = ++i;
            }
            else
            {
                i++;
            }
        }

        Add(statements, text[start..]);
        return statements;
    }

    private static int SkipQuoted(string text, int open, char quote)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                // A doubled quote is one quote character inside the string or name.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw new LakehouseException(
            $"The SQL has a {(quote == '\'' ? "string" : "quoted name")} ({quote}...{quote}) that is never closed, at " +
            $"character {open + 1}: close it with {quote}.");
    }

    private static void Add(List<string> statements, string statement)
    {
        var trimmed = statement.Trim();
        if (HasCode(trimmed))
        {
            statements.Add(trimmed);
        }
    }

    /// <summary>Whether the text holds anything but whitespace and comments.</summary>
    private static bool HasCode(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end + 1 : text.Length;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
