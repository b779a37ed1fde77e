namespace LakehouseManager.Sql;

/// <summary>What a <see cref="SqlTokenizer"/> could not close: a string, a quoted name or a block comment.</summary>
internal enum SqlLexErrorKind
{
    String,
    QuotedIdentifier,
    Comment,
}

/// <summary>
/// A quote or comment that is never closed: what it is, where it starts (an offset in the text) and the characters
/// that open and close it.
/// </summary>
internal sealed record SqlLexError(SqlLexErrorKind Kind, int Start, string Open, string Close)
{
    /// <summary>"string literal", "quoted identifier" or "comment".</summary>
    public string What => Kind switch
    {
        SqlLexErrorKind.String => "string literal",
        SqlLexErrorKind.QuotedIdentifier => "quoted identifier",
        _ => "comment",
    };
}

/// <summary>
/// The tokens of a text and the first quote or comment left open, if any. Without an error the tokens cover the text
/// exactly; after an unclosed quote they stop where it starts, and an unclosed comment is one token to the end.
/// </summary>
internal sealed record SqlTokenization(IReadOnlyList<SqlToken> Tokens, SqlLexError? Error);
