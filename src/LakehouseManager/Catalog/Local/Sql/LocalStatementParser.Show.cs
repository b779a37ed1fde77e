namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>MERGE BRANCH and the SHOW statements.</summary>
internal static partial class LocalStatementParser
{
    private static LocalStatement ParseMerge(TokenCursor cursor)
    {
        var dryRun = cursor.TryKeywords("DRY", "RUN");
        var source = cursor.ExpectName("the name of the branch to merge");
        string? target = null;
        if (cursor.TryKeywords("INTO"))
        {
            target = cursor.ExpectName("the name of the branch to merge into");
        }

        SkipSource(cursor);
        if (cursor.TryKeywords("ON", "CONFLICT"))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                "MERGE BRANCH ... ON CONFLICT is not supported by the local catalog: resolve conflicts by editing the views.");
        }

        cursor.ExpectEnd();
        return new MergeBranchStatement(source, target, dryRun);
    }

    private static LocalStatement ParseShow(TokenCursor cursor)
    {
        LocalStatement statement;
        if (cursor.TryKeywords("BRANCHES"))
        {
            SkipSource(cursor);
            statement = new ShowBranchesStatement();
        }
        else if (cursor.TryKeywords("VIEWS"))
        {
            var at = cursor.TryKeywords("AT") ? cursor.ExpectRef() : null;
            var ns = cursor.TryKeywords("IN") ? cursor.ExpectPath("a namespace") : null;
            statement = new ShowViewsStatement(at, ns);
        }
        else if (cursor.TryKeywords("TABLES"))
        {
            statement = new ShowTablesStatement(cursor.TryKeywords("IN") ? cursor.ExpectPath("a namespace") : null);
        }
        else if (cursor.TryKeywords("LOGS") || cursor.TryKeywords("LOG"))
        {
            var at = cursor.TryKeywords("AT") ? cursor.ExpectRef() : null;
            SkipSource(cursor);
            statement = new ShowLogStatement(at);
        }
        else if (cursor.TryKeywords("CREATE", "VIEW"))
        {
            var key = cursor.ExpectPath("a view name");
            var at = cursor.TryKeywords("AT") ? cursor.ExpectRef() : null;
            statement = new ShowCreateViewStatement(key, at);
        }
        else
        {
            throw cursor.Error("BRANCHES, VIEWS, TABLES, LOGS or CREATE VIEW after SHOW");
        }

        cursor.ExpectEnd();
        return statement;
    }
}
