namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>One SQL statement, tokenized, with the index of its terminating ';' (-1 when there is none).</summary>
internal sealed record ParsedSql(string Text, IReadOnlyList<SqlToken> Tokens, int Terminator)
{
    /// <summary>The significant tokens of the statement, without whitespace, comments and the terminator.</summary>
    public IReadOnlyList<SqlToken> Significant { get; } = SqlStatementText.Significant(Tokens, Terminator);

    /// <summary>Tokenizes one statement; a second statement after ';' is an error.</summary>
    public static ParsedSql Parse(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        return new ParsedSql(sql, tokens, SqlStatementText.FindTerminator(tokens, sql));
    }

    public string Position(SqlToken token) => SqlPosition.Describe(Text, token.Start);

    public string Position(int tokenIndex) =>
        SqlPosition.Describe(Text, tokenIndex < Tokens.Count ? Tokens[tokenIndex].Start : Text.Length);
}
