using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local.Sql;

public sealed class LocalStatementParserTests
{
    [Fact]
    public void Create_view_keeps_the_query_as_written_without_surrounding_space_and_the_trailing_semicolon()
    {
        var statement = LocalStatementParser.Parse(
            "create or replace VIEW shop.sales.\"orders by day\" AS\n  SELECT 'a;b'  AS x -- note\n  FROM t ;  -- after");

        var create = Assert.IsType<CreateViewStatement>(statement);
        Assert.Equal(ContentKey.Of("shop", "sales", "orders by day"), create.Key);
        Assert.True(create.OrReplace);
        Assert.Equal("SELECT 'a;b'  AS x -- note\n  FROM t", create.Query);
    }

    [Theory]
    [InlineData("DROP VIEW a.b", false)]
    [InlineData("drop view if exists a.b;", true)]
    public void Drop_view_reads_if_exists(string sql, bool ifExists)
    {
        Assert.Equal(new DropViewStatement(ContentKey.Of("a", "b"), ifExists), LocalStatementParser.Parse(sql));
    }

    [Theory]
    [InlineData("CREATE BRANCH dev", "dev", false, null)]
    [InlineData("create branch if not exists \"feature/x\" from main", "feature/x", true, "REF main")]
    [InlineData("CREATE BRANCH dev AT BRANCH main IN nessie", "dev", false, "BRANCH main")]
    [InlineData("CREATE BRANCH dev FROM REFERENCE main", "dev", false, "REF main")]
    [InlineData("CREATE BRANCH dev AT COMMIT \"0123abcd\"", "dev", false, "COMMIT 0123abcd")]
    public void Create_branch_reads_the_name_and_the_starting_reference(string sql, string name, bool ifNotExists, string? from)
    {
        var create = Assert.IsType<CreateBranchStatement>(LocalStatementParser.Parse(sql));

        Assert.Equal(name, create.Name);
        Assert.Equal(ifNotExists, create.IfNotExists);
        Assert.Equal(from, create.From is null ? null : $"{create.From.Kind} {create.From.Value}");
    }

    [Theory]
    [InlineData("DROP BRANCH dev", "dev", false, null)]
    [InlineData("DROP BRANCH IF EXISTS dev FORCE", "dev", true, null)]
    [InlineData("DROP BRANCH dev AT COMMIT \"0123abcd\"", "dev", false, "0123abcd")]
    public void Drop_branch_reads_if_exists_and_the_expected_commit(string sql, string name, bool ifExists, string? atCommit)
    {
        Assert.Equal(new DropBranchStatement(name, ifExists, atCommit), LocalStatementParser.Parse(sql));
    }

    [Theory]
    [InlineData("MERGE BRANCH dev", "dev", null, false)]
    [InlineData("merge branch dry run dev into main", "dev", "main", true)]
    public void Merge_branch_reads_dry_run_and_the_target(string sql, string source, string? target, bool dryRun)
    {
        Assert.Equal(new MergeBranchStatement(source, target, dryRun), LocalStatementParser.Parse(sql));
    }

    [Fact]
    public void Show_statements_are_recognised()
    {
        Assert.IsType<ShowBranchesStatement>(LocalStatementParser.Parse("show branches"));
        Assert.Equal(
            new ShowViewsStatement(new SqlRef("BRANCH", "dev"), ContentKey.Of("shop")),
            LocalStatementParser.Parse("SHOW VIEWS AT BRANCH dev IN shop"));
        Assert.Equal(new ShowLogStatement(null), LocalStatementParser.Parse("SHOW LOG"));
        Assert.Equal(new ShowTablesStatement(null), LocalStatementParser.Parse("SHOW TABLES"));
        Assert.Equal(
            new ShowCreateViewStatement(ContentKey.Of("a", "v"), new SqlRef("COMMIT", "0123abcd")),
            LocalStatementParser.Parse("SHOW CREATE VIEW a.v AT COMMIT \"0123abcd\""));
    }

    [Fact]
    public void Create_table_marks_the_new_name_for_the_rewrite()
    {
        var data = Assert.IsType<DataStatement>(LocalStatementParser.Parse("CREATE TABLE IF NOT EXISTS shop.raw.orders (id INT)"));

        Assert.Equal(ContentKey.Of("shop", "raw", "orders"), data.DefinedTable);
        Assert.Equal("shop", data.Sql.Tokens[Assert.Single(data.NameChains)].Text);
        Assert.True(data.IsDdl);
    }

    [Fact]
    public void Other_statements_are_plain_sql()
    {
        var data = Assert.IsType<DataStatement>(LocalStatementParser.Parse("INSERT INTO shop.raw.orders VALUES (1)"));

        Assert.Empty(data.NameChains);
        Assert.False(data.IsDdl);
    }

    [Theory]
    [InlineData("CREATE BRANCH", "at line 1, column 14 expected a branch name, found the end of the statement")]
    [InlineData("CREATE VIEW a.b SELECT 1", "at line 1, column 17 expected AS and the view's query, found 'SELECT'")]
    [InlineData("CREATE VIEW a.b AS ;", "expected the view's query after AS")]
    [InlineData("MERGE BRANCH dev INTO", "at line 1, column 22 expected the name of the branch to merge into")]
    [InlineData("MERGE BRANCH dev main", "at line 1, column 18 expected the end of the statement, found 'main'")]
    [InlineData("SHOW ME", "expected BRANCHES, VIEWS, TABLES, LOGS or CREATE VIEW after SHOW, found 'ME'")]
    [InlineData("DROP VIEW a.", "expected a name element after '.' in a view name")]
    [InlineData("SELECT 1; SELECT 2", "line 1, column 11: expected the end of the statement after ';'")]
    public void Parse_errors_name_the_statement_the_position_and_what_was_expected(string sql, string expected)
    {
        var error = Assert.Throws<CatalogException>(() => LocalStatementParser.Parse(sql));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (!sql.Contains(';', StringComparison.Ordinal))
        {
            Assert.Contains($"\"{sql}\"", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_invalid_view_name_is_rejected_naming_the_rule()
    {
        var error = Assert.Throws<CatalogException>(() => LocalStatementParser.Parse("DROP VIEW \"\".v"));

        Assert.Contains("element 1 is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USE BRANCH dev", "USE is not supported")]
    [InlineData("CREATE TAG v1", "Tags are not supported")]
    [InlineData("CREATE TEMP VIEW v AS SELECT 1", "TEMP tables and views are not supported")]
    [InlineData("MERGE BRANCH dev ON CONFLICT OVERWRITE", "ON CONFLICT is not supported")]
    public void Unsupported_dremio_statements_say_so(string sql, string expected)
    {
        var error = Assert.Throws<CatalogException>(() => LocalStatementParser.Parse(sql));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
