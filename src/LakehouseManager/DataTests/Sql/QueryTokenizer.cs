namespace LakehouseManager.DataTests.Sql;

/// <summary>Splits SQL text into <see cref="QueryToken"/>s under one <see cref="QueryLexicon"/>, dropping whitespace and comments.</summary>
internal static class QueryTokenizer
{
    /// <summary>The tokens, or the reason they cannot be told apart (a quote or a comment that is never closed).</summary>
    public static (IReadOnlyList<QueryToken> Tokens, string? Error) Tokenize(string sql, QueryLexicon lexicon)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && next == '-')
            {
                while (i < sql.Length && !EndsLineComment(sql[i], lexicon))
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i, lexicon);
                if (i < 0)
                {
                    return (tokens, "a comment (/* … */) that is never closed");
                }
            }
            else if (Closing(c, lexicon) is { } closing)
            {
                var start = i;
                i = SkipQuoted(sql, i, closing, lexicon);
                if (i < 0)
                {
                    return (tokens, $"a {(c == '\'' ? "string" : "quoted name")} ({c}…{closing}) that is never closed");
                }

                tokens.Add(new QueryToken(c == '\'' ? QueryTokenKind.String : QueryTokenKind.QuotedName, sql[start..i]));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < sql.Length && IsWordChar(sql[i]))
                {
                    i++;
                }

                tokens.Add(new QueryToken(QueryTokenKind.Word, sql[start..i]));
            }
            else
            {
                tokens.Add(new QueryToken(QueryTokenKind.Symbol, c.ToString()));
                i++;
            }
        }

        return (tokens, null);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static bool EndsLineComment(char c, QueryLexicon lexicon) =>
        c == '\n' || (c == '\r' && !lexicon.LineFeedOnlyEndsLineComment);

    private static char? Closing(char c, QueryLexicon lexicon) => c switch
    {
        '\'' or '"' => c,
        '`' when lexicon.BacktickAndBracketQuotes => '`',
        '[' when lexicon.BacktickAndBracketQuotes => ']',
        _ => null,
    };

    /// <summary>The index after the comment that starts at <paramref name="start"/>, or -1 when it never ends.</summary>
    private static int SkipBlockComment(string sql, int start, QueryLexicon lexicon)
    {
        var depth = 0;
        var i = start;
        while (i + 1 < sql.Length)
        {
            if (sql[i] == '/' && sql[i + 1] == '*' && (depth == 0 || lexicon.NestedComments))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && sql[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index after the quoted text that starts at <paramref name="start"/>, or -1 when it never ends. A doubled
    /// closing quote stands for one (except in <c>[…]</c>), and a backslash escapes when the lexicon says so.
    /// </summary>
    private static int SkipQuoted(string sql, int start, char closing, QueryLexicon lexicon)
    {
        var backslash = lexicon.BackslashEscapes && closing is '\'' or '"';
        var i = start + 1;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslash && c == '\\')
            {
                i += 2;
            }
            else if (c != closing)
            {
                i++;
            }
            else if (closing != ']' && i + 1 < sql.Length && sql[i + 1] == closing)
            {
                i += 2;
            }
            else
            {
                return i + 1;
            }
        }

        return -1;
    }
}
