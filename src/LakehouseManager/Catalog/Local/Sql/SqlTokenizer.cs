using System.Text;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>
/// Splits SQL (Dremio's and SQLite's common lexical ground) into tokens that cover the text exactly: string literals
/// (<c>'it''s'</c>), quoted identifiers (<c>"a ""b"""</c>, <c>`x`</c>, <c>[x]</c>), comments and whitespace are single
/// tokens, so dots inside them are never mistaken for name separators. Concatenating the token texts gives the input.
/// </summary>
public static class SqlTokenizer
{
    private static readonly string[] s_operators = ["->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"];

    /// <summary>Tokenizes the text; an unclosed string or quoted identifier is an error naming its position.</summary>
    public static IReadOnlyList<SqlToken> Tokenize(string sql)
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
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                token = Plain(SqlTokenKind.Comment, sql, start, i);
            }
            else if (c == '/' && Next(sql, i) == '*')
            {
                // As in SQLite, a block comment left open runs to the end of the text.
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + 2;
                token = Plain(SqlTokenKind.Comment, sql, start, i);
            }
            else if (c is '\'' or '"' or '`')
            {
                token = Quoted(sql, ref i, c, c, c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier);
            }
            else if (c == '[')
            {
                token = Quoted(sql, ref i, '[', ']', SqlTokenKind.QuotedIdentifier);
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

        return tokens;
    }

    private static SqlToken Plain(SqlTokenKind kind, string sql, int start, int end)
    {
        var text = sql[start..end];
        return new SqlToken(kind, text, text, start);
    }

    private static SqlToken Quoted(string sql, ref int i, char open, char close, SqlTokenKind kind)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                // A doubled closing quote stands for itself; SQLite's [brackets] have no escape.
                if (close != ']' && Next(sql, i) == close)
                {
                    value.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return new SqlToken(kind, sql[start..i], value.ToString(), start);
            }

            value.Append(sql[i]);
            i++;
        }

        var what = kind == SqlTokenKind.String ? "string literal" : "quoted identifier";
        throw new CatalogException(
            CatalogErrorKind.BadRequest,
            $"SQL error at {SqlPosition.Describe(sql, start)}: the {what} that starts with {open} is not closed " +
            $"(expected a closing {close}).");
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
