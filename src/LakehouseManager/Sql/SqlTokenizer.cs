using System.Text;

namespace LakehouseManager.Sql;

/// <summary>
/// Splits SQL into tokens that cover the text exactly, under one <see cref="SqlLexicon"/>: string literals
/// (<c>'it''s'</c>), quoted identifiers (<c>"a ""b"""</c>, and <c>`x`</c>, <c>[x]</c> when the lexicon reads them),
/// comments and whitespace are single tokens, so dots, semicolons and keywords inside them count for nothing.
/// Concatenating the token texts gives the input. Pure: no I/O. The one tokenizer of the project: the local
/// catalog's parser, the script splitter and the data tests' read-only check all read SQL through it.
/// </summary>
internal static class SqlTokenizer
{
    private static readonly string[] s_operators = ["->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"];

    /// <summary>Tokenizes the text as SQLite (the local catalog) reads it.</summary>
    public static SqlTokenization Tokenize(string sql) => Tokenize(sql, SqlLexicon.Sqlite);

    public static SqlTokenization Tokenize(string sql, SqlLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            var c = sql[i];
            SqlToken token;
            if (char.IsWhiteSpace(c))
            {
                while (i < sql.Length && char.IsWhiteSpace(sql[i]))
                {
                    i++;
                }

                token = Plain(SqlTokenKind.Whitespace, sql, start, i);
            }
            else if (c == '-' && Next(sql, i) == '-')
            {
                while (i < sql.Length && !EndsLineComment(sql[i], lexicon))
                {
                    i++;
                }

                token = Plain(SqlTokenKind.Comment, sql, start, i);
            }
            else if (c == '/' && Next(sql, i) == '*')
            {
                // As in SQLite, a block comment left open runs to the end of the text; the error says so.
                i = SkipBlockComment(sql, i, lexicon);
                tokens.Add(Plain(SqlTokenKind.Comment, sql, start, i < 0 ? sql.Length : i));
                if (i < 0)
                {
                    return new SqlTokenization(tokens, new SqlLexError(SqlLexErrorKind.Comment, start, "/*", "*/"));
                }

                continue;
            }
            else if (Closing(c, lexicon) is { } close)
            {
                var kind = c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
                var quoted = Quoted(sql, ref i, close, kind, lexicon);
                if (quoted is null)
                {
                    var errorKind = kind == SqlTokenKind.String ? SqlLexErrorKind.String : SqlLexErrorKind.QuotedIdentifier;
                    return new SqlTokenization(tokens, new SqlLexError(errorKind, start, c.ToString(), close.ToString()));
                }

                token = quoted;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Next(sql, i)) && !FollowsName(tokens)))
            {
                i = ScanNumber(sql, i);
                token = Plain(SqlTokenKind.Number, sql, start, i);
            }
            else if (IsWordStart(c))
            {
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                token = Plain(SqlTokenKind.Word, sql, start, i);
            }
            else if (c == '?' || (c is ':' or '@' or '$' && IsWordStart(Next(sql, i))))
            {
                i++;
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                token = Plain(SqlTokenKind.Parameter, sql, start, i);
            }
            else
            {
                var op = s_operators.FirstOrDefault(o => string.CompareOrdinal(sql, i, o, 0, o.Length) == 0);
                i += op?.Length ?? 1;
                token = Plain(SqlTokenKind.Symbol, sql, start, i);
            }

            tokens.Add(token);
        }

        return new SqlTokenization(tokens, null);
    }

    private static SqlToken Plain(SqlTokenKind kind, string sql, int start, int end)
    {
        var text = sql[start..end];
        return new SqlToken(kind, text, text, start);
    }

    private static bool EndsLineComment(char c, SqlLexicon lexicon) =>
        c == '\n' || (c == '\r' && !lexicon.LineFeedOnlyEndsLineComment);

    private static char? Closing(char c, SqlLexicon lexicon) => c switch
    {
        '\'' or '"' => c,
        '`' when lexicon.BacktickAndBracketQuotes => '`',
        '[' when lexicon.BacktickAndBracketQuotes => ']',
        _ => null,
    };

    /// <summary>The index after the comment that starts at <paramref name="start"/>, or -1 when it never ends.</summary>
    private static int SkipBlockComment(string sql, int start, SqlLexicon lexicon)
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
    /// The quoted token that starts at <paramref name="i"/>, or null when it is never closed. A doubled closing quote
    /// stands for one (except in <c>[…]</c>, which has no escape), and a backslash escapes when the lexicon says so.
    /// </summary>
    private static SqlToken? Quoted(string sql, ref int i, char close, SqlTokenKind kind, SqlLexicon lexicon)
    {
        var start = i;
        var backslash = lexicon.BackslashEscapes && close is '\'' or '"';
        var value = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (backslash && c == '\\' && i + 1 < sql.Length)
            {
                value.Append(sql[i + 1]);
                i += 2;
            }
            else if (c != close)
            {
                value.Append(c);
                i++;
            }
            else if (close != ']' && Next(sql, i) == close)
            {
                value.Append(close);
                i += 2;
            }
            else
            {
                i++;
                return new SqlToken(kind, sql[start..i], value.ToString(), start);
            }
        }

        return null;
    }

    private static int ScanNumber(string sql, int i)
    {
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
            {
                // An exponent sign belongs to the number: 1e+5.
                if (c is 'e' or 'E' && Next(sql, i) is '+' or '-' && char.IsAsciiDigit(Next(sql, i + 1)))
                {
                    i += 2;
                }

                i++;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool FollowsName(List<SqlToken> tokens)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (!tokens[i].IsTrivia)
            {
                return tokens[i].IsIdentifier || tokens[i].IsSymbol(")");
            }
        }

        return false;
    }

    private static char Next(string sql, int i) => i + 1 < sql.Length ? sql[i + 1] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || c > 0x7F;

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' || c > 0x7F;
}
