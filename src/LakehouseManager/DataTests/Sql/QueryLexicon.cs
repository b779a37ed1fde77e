namespace LakehouseManager.DataTests.Sql;

/// <summary>
/// One way an engine may read quotes and comments. Engines differ here (Calcite, which Dremio builds on, ends a
/// <c>--</c> comment at a carriage return and does not nest <c>/* */</c>; SQLite reads <c>`a`</c> and <c>[a]</c> as
/// names; other engines let a backslash escape a quote or nest comments), and a text that is one query in one reading
/// can hide a second statement in another. So a query is accepted only when every reading agrees (<see cref="All"/>).
/// </summary>
/// <param name="BackslashEscapes">A backslash in <c>'…'</c> or <c>"…"</c> escapes the next character.</param>
/// <param name="BacktickAndBracketQuotes"><c>`a`</c> (a doubled backtick escapes one) and <c>[a]</c> are quoted names.</param>
/// <param name="NestedComments"><c>/* /* */ */</c> is one comment.</param>
/// <param name="LineFeedOnlyEndsLineComment">Only a line feed ends a <c>--</c> comment, not a carriage return.</param>
internal readonly record struct QueryLexicon(
    bool BackslashEscapes, bool BacktickAndBracketQuotes, bool NestedComments, bool LineFeedOnlyEndsLineComment)
{
    /// <summary>Every combination, the plain reading (Calcite's) first so that ordinary mistakes get plain messages.</summary>
    public static IReadOnlyList<QueryLexicon> All { get; } =
    [
        .. Enumerable.Range(0, 16).Select(bits => new QueryLexicon(
            (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0)),
    ];

    /// <summary>What this reading does differently from the plain one, for messages; empty for the plain one.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (BackslashEscapes)
        {
            parts.Add("a backslash escapes a quote");
        }

        if (BacktickAndBracketQuotes)
        {
            parts.Add("` and [ ] quote names");
        }

        if (NestedComments)
        {
            parts.Add("/* */ comments nest");
        }

        if (LineFeedOnlyEndsLineComment)
        {
            parts.Add("only a line feed ends a -- comment");
        }

        return string.Join(", ", parts);
    }
}
