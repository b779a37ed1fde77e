using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;
using static LakehouseManager.Tests.Catalog.Local.LocalQueryTests;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalSqlExecutorViewTests
{
    [Fact(Timeout = 60_000)]
    public async Task Create_view_commits_the_query_as_written_with_dremio_s_message()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);

        var result = await sql.ExecuteAsync(
            "main", "CREATE VIEW shop.sales.big AS\n  SELECT id\n    FROM shop.raw.orders  WHERE amount > 15 ;\n");
        var commit = await catalog.GetCommitAsync(result.CommitHash!);
        var view = Assert.Single(await catalog.GetViewsAsync(result.CommitHash!, [Key("shop.sales.big")]));

        Assert.Equal(["ok", "summary"], result.Columns);
        Assert.Equal([true, "View shop.sales.big has been created at branch 'main'."], result.Rows[0]);
        Assert.Equal("CREATE VIEW shop.sales.big", commit.Message);
        Assert.Equal("SELECT id\n    FROM shop.raw.orders  WHERE amount > 15", view.Sql);
        Assert.Equal([[2L], [3L]], await QueryAsync(catalog, "main", "SELECT * FROM shop.sales.big ORDER BY 1"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Replacing_a_view_needs_or_replace_and_commits_an_alter_message()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW s.v AS SELECT 1 AS x");

        var error = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "CREATE VIEW s.v AS SELECT 2 AS x"));
        var replaced = await sql.ExecuteAsync("main", "create or replace view s.v as select 2 as x");

        Assert.Contains("View s.v already exists at branch 'main'; use CREATE OR REPLACE VIEW", error.Message, StringComparison.Ordinal);
        Assert.Equal("ALTER on VIEW s.v", (await catalog.GetCommitAsync(replaced.CommitHash!)).Message);
        Assert.Equal([[2L]], await QueryAsync(catalog, "main", "SELECT x FROM s.v"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("CREATE VIEW s.v AS SELECT * FROM shop.raw.missing", "Unknown table or view shop.raw.missing")]
    [InlineData("CREATE VIEW s.v AS SELECT nope FROM shop.raw.orders", "no such column: nope")]
    [InlineData("CREATE VIEW s.v AS SELECT * FROM s.v", "cycle: s.v -> s.v")]
    [InlineData("CREATE VIEW s.v AS DELETE FROM shop.raw.orders", "is not a query")]
    public async Task A_view_that_does_not_compile_is_rejected_naming_it_and_nothing_is_committed(string statement, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        var before = await catalog.GetBranchAsync("main");

        var error = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", statement));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("s.v", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await catalog.GetBranchAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_and_a_data_table_may_not_share_a_name()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW s.v AS SELECT 1 AS x");

        var viewOverTable = await Assert.ThrowsAsync<CatalogException>(
            () => sql.ExecuteAsync("main", "CREATE VIEW shop.raw.orders AS SELECT 1 AS x"));
        var tableOverView = await Assert.ThrowsAsync<CatalogException>(
            () => sql.ExecuteAsync("main", "CREATE TABLE s.v (x INT)"));

        Assert.Contains("shop.raw.orders is a data table", viewOverTable.Message, StringComparison.Ordinal);
        Assert.Contains("s.v is a view at branch 'main'", tableOverView.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_data_table_may_not_take_the_name_of_a_view_on_another_branch()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        await sql.ExecuteAsync("main", "CREATE BRANCH qa");
        await sql.ExecuteAsync("dev", "CREATE VIEW s.v AS SELECT 1 AS x");
        await sql.ExecuteAsync("qa", "CREATE VIEW S.V AS SELECT 2 AS x");

        var created = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "CREATE TABLE s.v (x INT)"));
        var renamed = await Assert.ThrowsAsync<CatalogException>(
            () => sql.ExecuteAsync("main", "ALTER TABLE shop.raw.orders RENAME TO S.V"));

        Assert.Contains("s.v is a view at branches 'dev', 'qa'; a data table may not take a view's name", created.Message, StringComparison.Ordinal);
        Assert.Contains("S.V is a view at branches 'dev', 'qa'", renamed.Message, StringComparison.Ordinal);
        Assert.Equal([Key("shop.raw.orders")], await catalog.ListDataTablesAsync());
        Assert.Equal([[1L]], await QueryAsync(catalog, "dev", "SELECT x FROM s.v"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Drop_view_commits_a_delete_and_if_exists_tolerates_a_missing_view()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW s.\"my view\" AS SELECT 1 AS x");

        var dropped = await sql.ExecuteAsync("main", "DROP VIEW s.\"my view\"");
        var tolerated = await sql.ExecuteAsync("main", "DROP VIEW IF EXISTS s.\"my view\"");
        var error = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "DROP VIEW s.\"my view\""));

        Assert.Equal("DROP VIEW s.\"my view\"", (await catalog.GetCommitAsync(dropped.CommitHash!)).Message);
        Assert.Null(tolerated.CommitHash);
        Assert.Contains("does not exist", (string)tolerated.Rows[0][1]!, StringComparison.Ordinal);
        Assert.Equal("View s.\"my view\" does not exist at branch 'main'.", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Select_through_the_front_door_sees_the_branch_s_views_and_truncates_at_the_row_limit()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog, maxRows: 2);
        await sql.ExecuteAsync("main", "CREATE VIEW s.ids AS SELECT id FROM shop.raw.orders");

        var result = await sql.ExecuteAsync("main", "SELECT id FROM s.ids ORDER BY id");

        Assert.Equal(["id"], result.Columns);
        Assert.Equal([[1L], [2L]], result.Rows);
        Assert.True(result.Truncated);
    }

    [Fact(Timeout = 60_000)]
    public async Task Data_tables_are_created_filled_renamed_and_dropped_with_plain_sql()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);

        var created = await sql.ExecuteAsync("main", "CREATE TABLE shop.raw.items (id INTEGER, name TEXT)");
        var inserted = await sql.ExecuteAsync("main", "INSERT INTO shop.raw.items VALUES (1, 'a'), (2, 'b')");
        var updated = await sql.ExecuteAsync("main", "UPDATE shop.raw.items SET name = 'c' WHERE id = 2");
        var tables = await sql.ExecuteAsync("main", "SHOW TABLES IN shop");
        await sql.ExecuteAsync("main", "ALTER TABLE shop.raw.items RENAME TO shop.raw.\"all items\"");
        var renamed = await catalog.ListDataTablesAsync();
        var rows = await sql.ExecuteAsync("main", "SELECT name FROM shop.raw.\"all items\" ORDER BY id");
        await sql.ExecuteAsync("main", "DROP TABLE shop.raw.\"all items\"");

        Assert.Equal("Table shop.raw.items has been created.", created.Message);
        Assert.Equal("2 row(s) affected.", inserted.Message);
        Assert.Equal("1 row(s) affected.", updated.Message);
        Assert.Equal([["shop.raw.items"]], tables.Rows);
        Assert.Equal([ContentKey.Of("shop", "raw", "all items")], renamed);
        Assert.Equal([["a"], ["c"]], rows.Rows);
        Assert.Empty(await catalog.ListDataTablesAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Inserting_into_an_unknown_table_names_it()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);

        var error = await Assert.ThrowsAsync<CatalogException>(() => sql.ExecuteAsync("main", "INSERT INTO a.b VALUES (1)"));

        Assert.Contains("Unknown table or view a.b at line 1, column 13", error.Message, StringComparison.Ordinal);
    }
}
