using LakehouseManager.Sql;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>One SQL statement, tokenized, with the index of its terminating ';' (-1 when there is none).</summary>
internal sealed record ParsedSql(string Text, IReadOnlyList<SqlToken> Tokens, int Terminator)
{
    /// <summary>The significant tokens of the statement, without whitespace, comments and the terminator.</summary>
    public IReadOnlyList<SqlToken> Significant { get; } = SqlStatementText.Significant(Tokens, Terminator);

    /// <summary>
    /// Tokenizes one statement as SQLite reads it; a quote left open, or a second statement after ';', is an error
    /// naming its position. A block comment left open runs to the end, as in SQLite.
    /// </summary>
    public static ParsedSql Parse(string sql)
    {
        var tokenization = SqlTokenizer.Tokenize(sql);
        if (tokenization.Error is { Kind: not SqlLexErrorKind.Comment } error)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"SQL error at {SqlPosition.Describe(sql, error.Start)}: the {error.What} that starts with {error.Open} " +
                $"is not closed (expected a closing {error.Close}).");
        }

        return new ParsedSql(sql, tokenization.Tokens, SqlStatementText.FindTerminator(tokenization.Tokens, sql));
    }

    public string Position(SqlToken token) => SqlPosition.Describe(Text, token.Start);

    public string Position(int tokenIndex) =>
        SqlPosition.Describe(Text, tokenIndex < Tokens.Count ? Tokens[tokenIndex].Start : Text.Length);
}
