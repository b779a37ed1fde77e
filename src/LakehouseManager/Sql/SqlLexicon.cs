namespace LakehouseManager.Sql;

/// <summary>
/// One way an engine reads quotes and comments. Engines differ here (Calcite, which Dremio builds on, ends a
/// <c>--</c> comment at a carriage return and does not nest <c>/* */</c>; SQLite reads <c>`a`</c> and <c>[a]</c> as
/// names and ends a <c>--</c> comment only at a line feed; other engines let a backslash escape a quote or nest
/// comments), and a text that is one statement in one reading can hide a second statement in another.
/// </summary>
/// <param name="BackslashEscapes">A backslash in <c>'…'</c> or <c>"…"</c> escapes the next character.</param>
/// <param name="BacktickAndBracketQuotes"><c>`a`</c> (a doubled backtick escapes one) and <c>[a]</c> are quoted names.</param>
/// <param name="NestedComments"><c>/* /* */ */</c> is one comment.</param>
/// <param name="LineFeedOnlyEndsLineComment">Only a line feed ends a <c>--</c> comment, not a carriage return.</param>
internal readonly record struct SqlLexicon(
    bool BackslashEscapes, bool BacktickAndBracketQuotes, bool NestedComments, bool LineFeedOnlyEndsLineComment)
{
    /// <summary>SQLite's reading: what the local catalog runs, so its parser and the script splitter use it.</summary>
    public static SqlLexicon Sqlite { get; } = new(
        BackslashEscapes: false, BacktickAndBracketQuotes: true, NestedComments: false, LineFeedOnlyEndsLineComment: true);

    /// <summary>Every combination, the plain reading (Calcite's) first so that ordinary mistakes get plain messages.</summary>
    public static IReadOnlyList<SqlLexicon> All { get; } =
    [
        .. Enumerable.Range(0, 16).Select(bits => new SqlLexicon(
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
