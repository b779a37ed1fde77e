using LakehouseManager.Sql;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>Statement-level facts about a token list: its terminating ';', its first words.</summary>
internal static class SqlStatementText
{
    /// <summary>
    /// The index of the ';' that ends the one statement, or -1 when there is none. Anything but whitespace and
    /// comments after it is an error: the local catalog runs one statement at a time.
    /// </summary>
    public static int FindTerminator(IReadOnlyList<SqlToken> tokens, string sql)
    {
        var terminator = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsTrivia)
            {
                continue;
            }

            if (terminator >= 0)
            {
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    $"SQL error at {SqlPosition.Describe(sql, tokens[i].Start)}: expected the end of the statement " +
                    $"after ';', found '{tokens[i].Text}'. Run one statement at a time.");
            }

            if (tokens[i].IsSymbol(";"))
            {
                terminator = i;
            }
        }

        return terminator;
    }

    /// <summary>The significant tokens before the terminator (whitespace and comments left out).</summary>
    public static IReadOnlyList<SqlToken> Significant(IReadOnlyList<SqlToken> tokens, int terminator) =>
        tokens.Take(terminator < 0 ? tokens.Count : terminator).Where(t => !t.IsTrivia).ToList();

    /// <summary>Whether the statement only reads: it starts with SELECT, WITH, VALUES or '('.</summary>
    public static bool IsQuery(IReadOnlyList<SqlToken> significant) =>
        significant.Count > 0 &&
        (significant[0].IsKeyword("SELECT") || significant[0].IsKeyword("WITH") || significant[0].IsKeyword("VALUES") ||
         significant[0].IsSymbol("("));
}
