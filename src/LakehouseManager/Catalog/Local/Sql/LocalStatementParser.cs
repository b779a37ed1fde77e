namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>
/// Parses one statement of the local SQL front door: Dremio's view and branch statements (keywords in any case,
/// identifiers double-quoted when they hold special characters); anything else is plain SQL on the data tables.
/// </summary>
internal static partial class LocalStatementParser
{
    public static LocalStatement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sql = ParsedSql.Parse(text);
        var cursor = new TokenCursor(sql);
        if (cursor.AtEnd)
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, "The statement is empty: give one SQL statement.");
        }

        if (cursor.TryKeywords("CREATE"))
        {
            return ParseCreate(sql, cursor);
        }

        if (cursor.TryKeywords("DROP"))
        {
            return ParseDrop(sql, cursor);
        }

        if (cursor.TryKeywords("MERGE", "BRANCH"))
        {
            return ParseMerge(cursor);
        }

        if (cursor.TryKeywords("SHOW"))
        {
            return ParseShow(cursor);
        }

        if (cursor.TryKeywords("ALTER", "TABLE"))
        {
            cursor.ExpectPath("a table name");
            if (cursor.TryKeywords("RENAME", "TO"))
            {
                var index = cursor.TokenIndex;
                var renamed = cursor.ExpectPath("the new table name");
                return new DataStatement(sql, new HashSet<int> { index }, renamed, "renamed");
            }

            return new DataStatement(sql, new HashSet<int>(), null, null);
        }

        if (cursor.Peek()!.IsKeyword("ALTER") || cursor.Peek()!.IsKeyword("USE"))
        {
            var what = cursor.Peek()!.IsKeyword("USE")
                ? "USE is not supported: each statement runs at the branch it is given"
                : $"ALTER {cursor.Peek(1)?.Text} is not supported by the local catalog (use CREATE OR REPLACE VIEW to change a view)";
            throw new CatalogException(CatalogErrorKind.BadRequest, $"{what}.");
        }

        return new DataStatement(sql, new HashSet<int>(), null, null);
    }

    private static LocalStatement ParseCreate(ParsedSql sql, TokenCursor cursor)
    {
        var orReplace = cursor.TryKeywords("OR", "REPLACE");
        if (cursor.TryKeywords("VIEW"))
        {
            var key = cursor.ExpectPath("a view name");
            if (cursor.Peek()?.IsKeyword("AS") != true)
            {
                throw cursor.Error("AS and the view's query");
            }

            var asToken = sql.Tokens[cursor.TokenIndex];
            var end = sql.Terminator < 0 ? sql.Text.Length : sql.Tokens[sql.Terminator].Start;
            var query = sql.Text[asToken.End..end].Trim();
            cursor.ExpectKeywords("AS");
            if (query.Length == 0)
            {
                throw cursor.Error("the view's query after AS");
            }

            return new CreateViewStatement(key, orReplace, query);
        }

        if (orReplace)
        {
            throw cursor.Error("VIEW after CREATE OR REPLACE");
        }

        if (cursor.TryKeywords("BRANCH"))
        {
            var ifNotExists = cursor.TryKeywords("IF", "NOT", "EXISTS");
            var name = cursor.ExpectName("a branch name");
            SqlRef? from = null;
            if (cursor.TryKeywords("FROM") || cursor.TryKeywords("AT"))
            {
                from = cursor.ExpectRef();
            }

            SkipSource(cursor);
            cursor.ExpectEnd();
            return new CreateBranchStatement(name, ifNotExists, from);
        }

        if (cursor.Peek()?.IsKeyword("TEMP") == true || cursor.Peek()?.IsKeyword("TEMPORARY") == true)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                "TEMP tables and views are not supported: they would vanish when the statement ends. Use CREATE TABLE " +
                "for a data table or CREATE VIEW for a versioned view.");
        }

        if (cursor.TryKeywords("TAG"))
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, "Tags are not supported by the local catalog; use a branch.");
        }

        if (cursor.TryKeywords("TABLE"))
        {
            cursor.TryKeywords("IF", "NOT", "EXISTS");
            var index = cursor.TokenIndex;
            var table = cursor.ExpectPath("a table name");
            return new DataStatement(sql, new HashSet<int> { index }, table, "created");
        }

        return new DataStatement(sql, new HashSet<int>(), null, null);
    }

    private static LocalStatement ParseDrop(ParsedSql sql, TokenCursor cursor)
    {
        if (cursor.TryKeywords("VIEW"))
        {
            var ifExists = cursor.TryKeywords("IF", "EXISTS");
            var key = cursor.ExpectPath("a view name");
            cursor.ExpectEnd();
            return new DropViewStatement(key, ifExists);
        }

        if (cursor.TryKeywords("BRANCH"))
        {
            var ifExists = cursor.TryKeywords("IF", "EXISTS");
            var name = cursor.ExpectName("a branch name");
            string? atCommit = null;
            if (cursor.TryKeywords("AT", "COMMIT"))
            {
                atCommit = cursor.ExpectRefValue("a commit hash");
            }
            else
            {
                cursor.TryKeywords("FORCE");
            }

            SkipSource(cursor);
            cursor.ExpectEnd();
            return new DropBranchStatement(name, ifExists, atCommit);
        }

        if (cursor.TryKeywords("TABLE"))
        {
            cursor.TryKeywords("IF", "EXISTS");
            var index = cursor.TokenIndex;
            var table = cursor.ExpectPath("a table name");
            cursor.ExpectEnd();
            return new DataStatement(sql, new HashSet<int> { index }, table, "dropped");
        }

        return new DataStatement(sql, new HashSet<int>(), null, null);
    }

    /// <summary>Dremio's <c>IN source</c>: the local catalog is one source, so the name is accepted and not used.</summary>
    private static void SkipSource(TokenCursor cursor)
    {
        if (cursor.TryKeywords("IN"))
        {
            cursor.ExpectName("a source name after IN");
        }
    }
}
