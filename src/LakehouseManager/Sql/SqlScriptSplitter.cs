namespace LakehouseManager.Sql;

/// <summary>
/// Splits a SQL script into statements the way a SQL client does: at each ';' outside quotes and comments (read as
/// SQLite reads them: <c>'strings'</c> with <c>''</c>, <c>"names"</c>, <c>`names`</c>, <c>[names]</c>, <c>-- line</c>
/// and <c>/* block */</c> comments), the last statement counting without a ';'. Empty statements (a lone ';', only
/// comments) are skipped. As in SQLite's shell, inside <c>CREATE [TEMP] TRIGGER</c> only a ';' right after
/// <c>END</c> ends the statement, since the trigger's body holds statements of its own. Pure: no I/O.
/// </summary>
internal static class SqlScriptSplitter
{
    /// <summary>
    /// The statements, or the quote or comment left open that makes the script unreadable from there on (then the
    /// statements are those before it, which a caller should not run either: the script is not what its author meant).
    /// </summary>
    public static (IReadOnlyList<SqlScriptStatement> Statements, SqlLexError? Error) Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var tokenization = SqlTokenizer.Tokenize(script, SqlLexicon.Sqlite);
        var statements = new List<SqlScriptStatement>();
        var significant = new List<SqlToken>();
        var lines = new LineCounter(script);
        foreach (var token in tokenization.Tokens)
        {
            if (token.IsTrivia)
            {
                continue;
            }

            if (token.IsSymbol(";") && EndsStatement(significant))
            {
                Add(script, significant, statements, lines);
                continue;
            }

            significant.Add(token);
        }

        Add(script, significant, statements, lines);
        return (statements, tokenization.Error);
    }

    private static bool EndsStatement(List<SqlToken> statement) =>
        !IsCreateTrigger(statement) || statement[^1].IsKeyword("END");

    private static bool IsCreateTrigger(List<SqlToken> statement)
    {
        if (statement.Count < 2 || !statement[0].IsKeyword("CREATE"))
        {
            return false;
        }

        var next = statement[1].IsKeyword("TEMP") || statement[1].IsKeyword("TEMPORARY") ? 2 : 1;
        return next < statement.Count && statement[next].IsKeyword("TRIGGER");
    }

    private static void Add(string script, List<SqlToken> significant, List<SqlScriptStatement> statements, LineCounter lines)
    {
        if (significant.Count == 0)
        {
            return;
        }

        var start = significant[0].Start;
        statements.Add(new SqlScriptStatement(
            statements.Count + 1, script[start..significant[^1].End], start, lines.LineOf(start)));
        significant.Clear();
    }

    /// <summary>Lines of increasing offsets, counted once through the script.</summary>
    private sealed class LineCounter(string text)
    {
        private int _offset;
        private int _line = 1;

        public int LineOf(int offset)
        {
            _line += text.AsSpan(_offset, offset - _offset).Count('\n');
            _offset = offset;
            return _line;
        }
    }
}
