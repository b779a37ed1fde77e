namespace LakehouseManager.DataTests.Sql;

/// <summary>What a <see cref="QueryToken"/> is; whitespace and comments make no token.</summary>
internal enum QueryTokenKind
{
    /// <summary>A run of letters, digits, '_' and '$': a keyword, a name or a number.</summary>
    Word,

    /// <summary>A quoted name: <c>"a b"</c> (or <c>`a`</c>, <c>[a]</c> when the lexicon reads them as quotes).</summary>
    QuotedName,

    /// <summary>A string literal: <c>'it''s'</c>.</summary>
    String,

    /// <summary>Any other single character: '(', ')', ',', ';', operators.</summary>
    Symbol,
}

/// <summary>One significant piece of a query's text.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text)
{
    public bool IsWord(string word) =>
        Kind == QueryTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == QueryTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    /// <summary>How a message shows the token: a word in upper case, anything else quoted and short.</summary>
    public string Shown() => Kind == QueryTokenKind.Word
        ? Text.ToUpperInvariant()
        : $"'{(Text.Length <= 20 ? Text : string.Concat(Text.AsSpan(0, 19), "…"))}'";
}
