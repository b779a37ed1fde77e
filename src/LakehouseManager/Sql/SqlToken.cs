namespace LakehouseManager.Sql;

/// <summary>
/// One token of a SQL text: its kind, its exact text, its value (the unquoted name or text for quoted tokens) and
/// where it starts, so that a rewrite can copy everything else byte for byte.
/// </summary>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, string Value, int Start)
{
    public int End => Start + Text.Length;

    /// <summary>Whitespace and comments: tokens that carry no meaning.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.Comment;

    /// <summary>A bare or quoted identifier (a bare one may also be a keyword).</summary>
    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>Whether this is the bare word <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Word && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    /// <summary>How a message shows the token: a word in upper case, anything else quoted and short.</summary>
    public string Shown() => Kind == SqlTokenKind.Word
        ? Text.ToUpperInvariant()
        : $"'{(Text.Length <= 20 ? Text : string.Concat(Text.AsSpan(0, 19), "…"))}'";

    public override string ToString() => Text;
}
