using LakehouseManager.Sql;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>
/// Finds the identifier chains of a token list (pure, no I/O). Whitespace may surround the dots; comments, strings
/// and quoted identifiers are single tokens, so a dot inside them never splits a name.
/// </summary>
internal static class SqlNameChainFinder
{
    private static readonly HashSet<string> s_tableIntroducers =
        new(["FROM", "JOIN", "INTO", "UPDATE", "TABLE"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_fromListEnders = new(
        ["WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "ON", "USING",
         "SELECT", "VALUES", "SET", "RETURNING"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> s_versionKinds =
        new(["BRANCH", "REF", "REFERENCE", "COMMIT", "TAG", "SNAPSHOT", "TIMESTAMP"], StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<SqlNameChain> Find(IReadOnlyList<SqlToken> tokens, string sql)
    {
        var significant = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsTrivia)
            {
                significant.Add(i);
            }
        }

        var chains = new List<SqlNameChain>();

        // One flag per parenthesis depth: are we in a FROM list, where a comma introduces another table?
        var inFromList = new List<bool> { false };
        var s = 0;
        while (s < significant.Count)
        {
            var token = tokens[significant[s]];
            if (token.IsSymbol("("))
            {
                inFromList.Add(false);
            }
            else if (token.IsSymbol(")"))
            {
                if (inFromList.Count > 1)
                {
                    inFromList.RemoveAt(inFromList.Count - 1);
                }
            }
            else if (token.IsKeyword("FROM") || token.IsKeyword("JOIN"))
            {
                inFromList[^1] = true;
            }
            else if (token.Kind == SqlTokenKind.Word && s_fromListEnders.Contains(token.Text))
            {
                inFromList[^1] = false;
            }

            if (!token.IsIdentifier)
            {
                s++;
                continue;
            }

            var elementIndexes = new List<int> { s };
            while (s + 2 < significant.Count && tokens[significant[s + 1]].IsSymbol(".") &&
                tokens[significant[s + 2]].IsIdentifier)
            {
                s += 2;
                elementIndexes.Add(s);
            }

            var first = elementIndexes[0];
            var isBareKeyword = elementIndexes.Count == 1 && token.Kind == SqlTokenKind.Word &&
                SqlKeywords.IsKeyword(token.Text);
            if (!isBareKeyword)
            {
                var previous = first > 0 ? tokens[significant[first - 1]] : null;
                var inTable = previous is not null &&
                    ((previous.Kind == SqlTokenKind.Word && s_tableIntroducers.Contains(previous.Text)) ||
                     (previous.IsSymbol(",") && inFromList[^1]));
                chains.Add(new SqlNameChain(
                    elementIndexes.Select(e => tokens[significant[e]].Value).ToList(),
                    elementIndexes.Select(e => significant[e]).ToList(),
                    inTable,
                    ReadVersionClause(tokens, significant, s + 1, sql)));
            }

            s++;
        }

        return chains;
    }

    private static SqlVersionClause? ReadVersionClause(
        IReadOnlyList<SqlToken> tokens, List<int> significant, int s, string sql)
    {
        if (s >= significant.Count || !tokens[significant[s]].IsKeyword("AT"))
        {
            return null;
        }

        var first = significant[s];
        string? kind = null;
        if (s + 1 < significant.Count && tokens[significant[s + 1]] is { Kind: SqlTokenKind.Word } word &&
            s_versionKinds.Contains(word.Text))
        {
            kind = word.Text.ToUpperInvariant();
            s++;
        }

        var last = significant[s];
        string? value = null;
        if (s + 1 < significant.Count && tokens[significant[s + 1]] is
            { Kind: SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.String or SqlTokenKind.Number } valueToken &&
            !(kind is null && valueToken.Kind == SqlTokenKind.Word && SqlKeywords.IsKeyword(valueToken.Text)))
        {
            value = valueToken.Value;
            s++;
            last = significant[s];
        }
        else if (kind is null)
        {
            // A bare AT followed by no reference, or by a keyword (FROM orders at WHERE ...), is not a version clause:
            // it is an alias named "at".
            return null;
        }

        var hasAsOf = s + 2 < significant.Count && tokens[significant[s + 1]].IsKeyword("AS") &&
            tokens[significant[s + 2]].IsKeyword("OF");
        return new SqlVersionClause(first, last, kind, value, hasAsOf, sql[tokens[first].Start..tokens[last].End]);
    }
}
