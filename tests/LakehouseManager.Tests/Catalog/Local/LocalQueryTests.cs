using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalQueryTests
{
    [Fact(Timeout = 60_000)]
    public async Task Dotted_names_of_data_tables_are_rewritten_and_strings_are_left_alone()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);

        var rows = await QueryAsync(
            catalog, "main",
            "SELECT shop.raw.orders.id, 'shop.raw.orders' AS s, \"shop\".raw.\"orders\".amount -- shop.raw.nope\n" +
            "FROM shop . raw . orders WHERE id < 3 ORDER BY id");

        Assert.Equal([[1L, "shop.raw.orders", 10.5m], [2L, "shop.raw.orders", 20m]], rows);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cells_are_normalised_to_the_port_types()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE TABLE t.cells (i INTEGER, r REAL, d DECIMAL(10,2), b BOOLEAN, s TEXT, n TEXT, x BLOB)");
        await sql.ExecuteAsync("main", "INSERT INTO t.cells VALUES (7, 1.5, 2.25, 1, 'x', NULL, X'0A0B')");

        await using var cursor = await catalog.OpenQueryAsync("main", "SELECT * FROM t.cells");
        var rows = await ReadAllAsync(cursor);

        Assert.Equal(["i", "r", "d", "b", "s", "n", "x"], cursor.Columns);
        Assert.Null(cursor.TotalRows);
        Assert.Equal([[7L, 1.5, 2.25m, true, "x", null, "0A0B"]], rows);
    }

    [Fact(Timeout = 60_000)]
    public async Task Views_over_views_are_instantiated_in_dependency_order()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        await PutAsync(
            catalog, "main",
            ("a.top", "SELECT total * 2 AS doubled FROM z.middle"),
            ("z.middle", "SELECT sum(amount) AS total FROM m.\"base view\""),
            ("m.\"base view\"", "SELECT amount FROM shop.raw.orders WHERE id <= 2"));

        var rows = await QueryAsync(catalog, "main", "SELECT doubled FROM A.TOP");

        Assert.Equal([[61.0]], rows);
    }

    [Fact(Timeout = 60_000)]
    public async Task Only_the_views_a_query_needs_are_instantiated()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        await PutAsync(catalog, "main", ("v.good", "SELECT count(*) AS n FROM shop.raw.orders"), ("v.broken", "SELECT nope FROM shop.raw.orders"));

        var rows = await QueryAsync(catalog, "main", "SELECT n FROM v.good");
        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", "SELECT * FROM v.broken"));

        Assert.Equal([[3L]], rows);
        Assert.Contains("View v.broken at branch 'main' does not compile", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such column: nope", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_at_a_branch_sees_that_branch_s_views()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var main = await PutAsync(catalog, "main", ("s.v", "SELECT 'main' AS b"));
        await catalog.CreateBranchAsync("dev", main);
        await PutAsync(catalog, "dev", ("s.v", "SELECT 'dev' AS b"), ("s.only_dev", "SELECT 1 AS x"));

        Assert.Equal([["main"]], await QueryAsync(catalog, "main", "SELECT b FROM s.v"));
        Assert.Equal([["dev"]], await QueryAsync(catalog, "dev", "SELECT b FROM s.v"));
        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", "SELECT x FROM s.only_dev"));
        Assert.Contains("Unknown table or view s.only_dev", error.Message, StringComparison.Ordinal);
        Assert.Contains("branch 'main'", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_at_clause_naming_the_branch_or_its_head_reads_the_branch_and_a_table_is_the_same_at_every_branch()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var head = await PutAsync(catalog, "main", ("s.v", "SELECT count(*) AS n FROM shop.raw.orders AT BRANCH main"));
        await catalog.CreateBranchAsync("dev", head);

        var atBranch = await QueryAsync(catalog, "main", "SELECT n FROM s.v AT BRANCH main");
        var atCommit = await QueryAsync(catalog, "main", $"SELECT n FROM s.v AT COMMIT \"{head[..12]}\"");
        var onDev = await QueryAsync(catalog, "dev", "SELECT n FROM s.v");

        Assert.Equal([[3L]], atBranch);
        Assert.Equal([[3L]], atCommit);
        Assert.Equal([[3L]], onDev);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_table_alias_named_at_is_an_alias()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);

        var rows = await QueryAsync(catalog, "main", "SELECT at.id FROM shop.raw.orders at WHERE at.id > 1 ORDER BY at.id");

        Assert.Equal([[2L], [3L]], rows);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("DELETE FROM shop.raw.orders", "Only queries run at a branch")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM shop.raw.orders", "only queries (SELECT, WITH ... SELECT, VALUES) run here")]
    [InlineData("SELECT * FROM shop.raw.nope", "Unknown table or view shop.raw.nope at line 1, column 15")]
    [InlineData("SELECT * FROM _lh_commits", "reserved")]
    [InlineData("SELECT 1; DELETE FROM shop.raw.orders", "Run one statement at a time")]
    public async Task Statements_that_are_not_plain_queries_on_known_names_are_refused(string sql, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);

        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", sql));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal([[3L]], await QueryAsync(catalog, "main", "SELECT count(*) FROM shop.raw.orders"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Views_that_reference_each_other_in_a_cycle_are_reported()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        await PutAsync(catalog, "main", ("c.x", "SELECT * FROM c.y"), ("c.y", "SELECT * FROM c.x"));

        var error = await Assert.ThrowsAsync<CatalogException>(() => QueryAsync(catalog, "main", "SELECT * FROM c.x"));

        Assert.Contains("cycle: c.x -> c.y -> c.x", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task With_a_source_name_dremio_style_names_resolve_without_the_source()
    {
        using var temp = new TempDirectory();
        var catalog = await LocalCatalog.OpenAsync(
            temp.Combine("catalog.db"), new LocalCatalogOptions { SourceName = "lakehouse" });
        using (catalog)
        {
            var sql = new LocalSqlExecutor(catalog);
            await sql.ExecuteAsync("main", "CREATE TABLE shop.raw.orders (id INTEGER)");
            await sql.ExecuteAsync("main", "INSERT INTO lakehouse.shop.raw.orders VALUES (1), (2)");
            await sql.ExecuteAsync("main", "CREATE VIEW shop.v AS SELECT count(*) AS n FROM Lakehouse.shop.raw.orders");

            var rows = await QueryAsync(catalog, "main", "SELECT n FROM lakehouse.shop.v AT BRANCH main");

            Assert.Equal([[2L]], rows);
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task A_running_query_is_interrupted_when_cancelled()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        using var cancellation = new CancellationTokenSource();
        const string endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

        var query = Task.Run(() => QueryAsync(catalog, "main", endless, cancellation.Token));
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
    }

    internal static async Task<LocalCatalog> SeedAsync(TempDirectory temp)
    {
        var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE TABLE shop.raw.orders (id INTEGER PRIMARY KEY, amount DECIMAL(10,2))");
        await sql.ExecuteAsync("main", "INSERT INTO shop.raw.orders VALUES (1, 10.5), (2, 20), (3, 30)");
        return catalog;
    }

    internal static async Task<List<IReadOnlyList<object?>>> QueryAsync(
        LocalCatalog catalog, string branch, string sql, CancellationToken cancellationToken = default)
    {
        await using var cursor = await catalog.OpenQueryAsync(branch, sql, cancellationToken: cancellationToken);
        return await ReadAllAsync(cursor, cancellationToken);
    }

    private static async Task<List<IReadOnlyList<object?>>> ReadAllAsync(
        LocalQueryCursor cursor, CancellationToken cancellationToken = default)
    {
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in cursor.ReadRowsAsync(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
