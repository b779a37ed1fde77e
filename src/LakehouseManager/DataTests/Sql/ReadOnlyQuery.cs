using LakehouseManager.Sql;

namespace LakehouseManager.DataTests.Sql;

/// <summary>
/// Whether a data test's SQL is one read-only query: <c>SELECT</c>, <c>WITH … SELECT</c> or <c>VALUES</c> (possibly in
/// parentheses), after any whitespace and comments, with nothing but whitespace and comments after a closing ';'.
/// </summary>
/// <remarks>
/// A tests file comes from the pull request's branch, so whoever can push there writes its SQL, and the engine runs it
/// with the bot's credentials: anything else (<c>DROP VIEW</c>, <c>INSERT</c>, <c>MERGE BRANCH … INTO main</c>) must
/// never reach it. The check reads quotes and comments (a ';' or a keyword inside them counts for nothing) and, since
/// engines read those differently, accepts only what is one query in every reading of <see cref="SqlLexicon.All"/>.
/// Pure: no I/O.
/// </remarks>
internal static class ReadOnlyQuery
{
    /// <summary>What every refusal starts with.</summary>
    public const string Rule = "a data test runs one query (SELECT, WITH or VALUES)";

    /// <summary>Null when <paramref name="sql"/> is one read-only query; else why not, e.g.
    /// "a data test runs one query (SELECT, WITH or VALUES); this one starts with DROP".</summary>
    public static string? Refusal(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        foreach (var lexicon in SqlLexicon.All)
        {
            if (Check(sql, lexicon) is { } reason)
            {
                var reading = lexicon.Describe();
                return $"{Rule}; {reason}" + (reading.Length == 0 ? string.Empty : $" (when {reading}, as some engines read it)");
            }
        }

        return null;
    }

    private static string? Check(string sql, SqlLexicon lexicon)
    {
        var tokenization = SqlTokenizer.Tokenize(sql, lexicon);
        if (tokenization.Error is { } error)
        {
            var what = error.Kind switch
            {
                SqlLexErrorKind.String => "string",
                SqlLexErrorKind.QuotedIdentifier => "quoted name",
                _ => "comment",
            };
            var shape = error.Kind == SqlLexErrorKind.Comment ? "/* … */" : $"{error.Open}…{error.Close}";
            return $"this one has a {what} ({shape}) that is never closed";
        }

        var tokens = tokenization.Tokens.Where(t => !t.IsTrivia).ToList();
        var end = tokens.FindIndex(t => t.IsSymbol(";"));
        if (end >= 0 && end < tokens.Count - 1)
        {
            return $"this one has a second statement after ';': {tokens[end + 1].Shown()}";
        }

        var statement = end < 0 ? tokens : tokens.Take(end).ToList();
        return statement.Count == 0 ? "this one is empty" : Head(statement, 0, "this one starts with");
    }

    /// <summary>Null when the query that starts at <paramref name="i"/> is a SELECT, VALUES or WITH … SELECT.</summary>
    private static string? Head(IReadOnlyList<SqlToken> tokens, int i, string context)
    {
        while (i < tokens.Count && tokens[i].IsSymbol("("))
        {
            i++;
        }

        if (i >= tokens.Count)
        {
            return $"{context} nothing but '('";
        }

        var first = tokens[i];
        if (first.IsKeyword("SELECT") || first.IsKeyword("VALUES"))
        {
            return null;
        }

        return first.IsKeyword("WITH") ? AfterWith(tokens, i + 1) : $"{context} {first.Shown()}";
    }

    /// <summary>Skips <c>[RECURSIVE] name [(columns)] AS [NOT] [MATERIALIZED] (query), …</c> and checks what follows.</summary>
    private static string? AfterWith(IReadOnlyList<SqlToken> tokens, int i)
    {
        const string Unreadable = "its WITH clause is not 'WITH name AS (query), … SELECT …'";
        if (At(tokens, i).IsKeyword("RECURSIVE"))
        {
            i++;
        }

        while (true)
        {
            if (!At(tokens, i).IsIdentifier)
            {
                return Unreadable;
            }

            i = At(tokens, i + 1).IsSymbol("(") ? SkipGroup(tokens, i + 1) : i + 1;
            if (i < 0 || !At(tokens, i).IsKeyword("AS"))
            {
                return Unreadable;
            }

            i++;
            i += At(tokens, i).IsKeyword("NOT") ? 1 : 0;
            i += At(tokens, i).IsKeyword("MATERIALIZED") ? 1 : 0;
            i = At(tokens, i).IsSymbol("(") ? SkipGroup(tokens, i) : -1;
            if (i < 0)
            {
                return Unreadable;
            }

            if (!At(tokens, i).IsSymbol(","))
            {
                return i >= tokens.Count ? "nothing follows its WITH clause" : Head(tokens, i, "after its WITH clause comes");
            }

            i++;
        }
    }

    /// <summary>The index after the ')' that closes the '(' at <paramref name="open"/>, or -1 when none does.</summary>
    private static int SkipGroup(IReadOnlyList<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].IsSymbol("(") ? 1 : tokens[i].IsSymbol(")") ? -1 : 0;
            if (depth == 0)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static SqlToken At(IReadOnlyList<SqlToken> tokens, int i) =>
        i >= 0 && i < tokens.Count ? tokens[i] : new SqlToken(SqlTokenKind.Symbol, string.Empty, string.Empty, 0);
}
