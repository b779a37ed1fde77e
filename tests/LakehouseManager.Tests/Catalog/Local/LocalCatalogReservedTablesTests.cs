using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;
using static LakehouseManager.Tests.Catalog.Local.LocalQueryTests;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>User SQL may not reach the catalog's own tables, however it names them.</summary>
public sealed class LocalCatalogReservedTablesTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("DELETE FROM '_lh_entries'", "'_lh_entries' is reserved for the catalog")]
    [InlineData("DELETE FROM \"_lh_entries\"", "reserved")]
    [InlineData("DELETE FROM [_lh_entries]", "reserved")]
    [InlineData("DELETE FROM '_LH_ENTRIES'", "'_lh_entries' is reserved for the catalog")]
    [InlineData("UPDATE '_lh_branches' SET commit_id = 1", "'_lh_branches' is reserved for the catalog")]
    [InlineData("INSERT INTO '_lh_entries' VALUES ('x', 1, 1, 1)", "'_lh_entries' is reserved for the catalog")]
    [InlineData("SELECT * FROM '_lh_entries'", "'_lh_entries' is reserved for the catalog")]
    [InlineData("SELECT count(*) FROM '_lh_commits'", "'_lh_commits' is reserved for the catalog")]
    [InlineData("CREATE TABLE s.copy AS SELECT * FROM '_lh_sql_texts'", "'_lh_sql_texts' is reserved for the catalog")]
    [InlineData("CREATE TABLE _lh_x.y (a INTEGER)", "'_lh_x.y' is reserved for the catalog")]
    [InlineData("CREATE INDEX i ON '_lh_entries' (key)", "'_lh_entries' is reserved for the catalog")]
    [InlineData("ATTACH 'other.db' AS other", "ATTACH is not allowed")]
    [InlineData("DETACH main", "DETACH is not allowed")]
    [InlineData("PRAGMA writable_schema = ON", "PRAGMA writable_schema is not allowed")]
    public async Task The_front_door_refuses_statements_on_the_catalog_s_tables_and_the_catalog_stays_intact(
        string statement, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedWithViewAsync(temp);
        var before = await SnapshotAsync(catalog);

        var error = await Assert.ThrowsAsync<CatalogException>(() => new LocalSqlExecutor(catalog).ExecuteAsync("main", statement));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(catalog));
        Assert.Equal([[3L]], await QueryAsync(catalog, "main", "SELECT n FROM s.v"));
    }

    [Theory]
    [InlineData("SELECT * FROM '_lh_entries'", "'_lh_entries' is reserved for the catalog")]
    [InlineData("SELECT name FROM [_lh_branches]", "reserved")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM shop.raw.orders",
        "writes to 'shop.raw.orders', but only queries (SELECT, WITH ... SELECT, VALUES) run here")]
    [InlineData("WITH x AS (SELECT 1) UPDATE '_lh_branches' SET commit_id = 1", "'_lh_branches' is reserved for the catalog")]
    public async Task The_query_path_refuses_the_catalog_s_tables_and_writes(string sql, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedWithViewAsync(temp);
        var before = await SnapshotAsync(catalog);

        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", sql));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(catalog));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_that_reads_the_catalog_s_tables_is_refused_when_created_and_when_queried()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedWithViewAsync(temp);
        await PutAsync(catalog, "main", ("s.sneaky", "SELECT name FROM '_lh_branches'"));

        var created = await Assert.ThrowsAsync<CatalogException>(
            () => new LocalSqlExecutor(catalog).ExecuteAsync("main", "CREATE VIEW s.w AS SELECT * FROM '_lh_entries'"));
        var queried = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", "SELECT * FROM s.sneaky"));

        Assert.Contains("View s.w at branch 'main' does not compile: the table '_lh_entries' is reserved", created.Message, StringComparison.Ordinal);
        Assert.Contains("'_lh_branches' is reserved for the catalog", queried.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_named_like_a_catalog_table_runs_without_shadowing_it()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedWithViewAsync(temp);
        await PutAsync(catalog, "main", ("_lh_tables", "SELECT count(*) AS n FROM shop.raw.orders"));

        var rows = await QueryAsync(catalog, "main", "SELECT n FROM \"_lh_tables\"");
        var result = await new LocalSqlExecutor(catalog).ExecuteAsync("main", "CREATE TABLE s.t AS SELECT n FROM \"_lh_tables\"");

        Assert.Equal([[3L]], rows);
        Assert.Equal("Table s.t has been created.", result.Message);
        Assert.Equal([Key("s.t"), Key("shop.raw.orders")], await catalog.ListDataTablesAsync());
    }

    private static async Task<LocalCatalog> SeedWithViewAsync(TempDirectory temp)
    {
        var catalog = await SeedAsync(temp);
        await PutAsync(catalog, "main", ("s.v", "SELECT count(*) AS n FROM shop.raw.orders"));
        await catalog.CreateBranchAsync("dev", (await catalog.GetBranchAsync("main")).Hash);
        return catalog;
    }

    /// <summary>Branch heads, main's views and the data tables: what a statement on the catalog's tables would change.</summary>
    private static async Task<string> SnapshotAsync(LocalCatalog catalog)
    {
        var branches = await catalog.ListBranchesAsync();
        var views = await ViewsAtAsync(catalog, (await catalog.GetBranchAsync("main")).Hash);
        var tables = await catalog.ListDataTablesAsync();
        return string.Join(", ", branches.Select(b => $"{b.Name}@{b.Hash}")) + " | " +
            string.Join(", ", views.Select(v => $"{v.Key}={v.Value}")) + " | " + string.Join(", ", tables);
    }
}
