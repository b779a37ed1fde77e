using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.PullRequests;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalQueryTests;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class SqlResultTextTests
{
    /// <summary>Longer than a table column, on several lines, with a tab, two spaces and a trailing line break.</summary>
    private const string LongView =
        "SELECT id,\n\tamount  AS total -- the amount in the order's currency, which is not converted here at all\n" +
        "  FROM shop.raw.orders\n WHERE amount > 15\n";

    [Fact(Timeout = 60_000)]
    public async Task Show_views_prints_each_view_s_sql_verbatim_under_its_path()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW shop.sales.big AS " + LongView);
        await sql.ExecuteAsync("main", "CREATE VIEW shop.sales.one AS SELECT 1 AS one");

        var result = await sql.ExecuteAsync("main", "SHOW VIEWS IN shop");
        var text = SqlResultText.Render(result);

        Assert.Contains("\n" + LongView.TrimEnd() + "\n", text, StringComparison.Ordinal);
        ExpectedOutput.AssertMatches(text, "Catalog", "show-views.txt");
    }

    [Fact(Timeout = 60_000)]
    public async Task Show_create_view_prints_the_sql_verbatim_under_the_view_and_its_reference()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE VIEW shop.sales.big AS " + LongView);

        var text = SqlResultText.Render(await sql.ExecuteAsync("main", "SHOW CREATE VIEW shop.sales.big"));

        Assert.Equal(
            "-- [shop.sales.big] at branch main\n" + LongView.TrimEnd() + "\n\nView shop.sales.big at branch main.", text);
    }

    [Fact]
    public void A_view_whose_sql_ends_with_a_line_break_keeps_it_and_a_listing_cut_at_the_limit_says_so()
    {
        var result = new LocalSqlResult(
            ["path", "sql_definition"], [["a.v", "SELECT 1\n"], ["a.w", "SELECT\r\n  2"]], "2 views.")
        {
            IsViewDefinitions = true,
            Truncated = true,
        };

        var text = SqlResultText.Render(result);

        Assert.Equal("-- a.v\nSELECT 1\n\n-- a.w\nSELECT\r\n  2\n\n2 views. Only the first 2 rows are shown.", text);
    }

    [Fact]
    public void No_views_print_only_the_message()
    {
        var result = new LocalSqlResult(["path", "sql_definition"], [], "0 views.") { IsViewDefinitions = true };

        Assert.Equal("0 views.", SqlResultText.Render(result));
    }

    [Fact(Timeout = 60_000)]
    public async Task Query_results_are_a_table_then_the_message()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);

        var text = SqlResultText.Render(await sql.ExecuteAsync(
            "main", "SELECT id, amount, NULL AS missing, 'two\nlines' AS note FROM shop.raw.orders ORDER BY id"));

        ExpectedOutput.AssertMatches(text, "Catalog", "select.txt");
    }

    [Fact(Timeout = 60_000)]
    public async Task Commands_print_their_summary_once()
    {
        using var temp = new TempDirectory();
        using var catalog = await SeedAsync(temp);
        var sql = new LocalSqlExecutor(catalog);

        var text = SqlResultText.Render(await sql.ExecuteAsync("main", "CREATE VIEW s.v AS SELECT 1 AS x"));

        Assert.Equal("View s.v has been created at branch 'main'.", text);
    }
}
