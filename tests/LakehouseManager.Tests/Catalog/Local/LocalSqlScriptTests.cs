using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>SQL scripts (issue 9, item 2): statement by statement as in Dremio, or as one commit.</summary>
public sealed class LocalSqlScriptTests
{
    private const string SetUp = """
        CREATE TABLE shop.raw.orders (id INTEGER, amount REAL);
        INSERT INTO shop.raw.orders VALUES (1, 10.5), (2, -3);
        """;

    [Fact(Timeout = 30_000)]
    public async Task Statements_run_in_order_each_view_or_branch_statement_its_own_commit()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);
        var steps = new List<LocalScriptStep>();
        const string Script = SetUp + """

            CREATE VIEW shop.sales.orders AS SELECT * FROM shop.raw.orders WHERE amount > 0;
            CREATE VIEW shop.sales.total AS SELECT SUM(amount) AS total FROM shop.sales.orders;
            CREATE BRANCH dev;
            DROP VIEW shop.sales.total
            """;

        // Act
        var outcome = await Runner(catalog).RunAsync("main", Script, onStep: steps.Add);

        // Assert
        Assert.Equal(new LocalScriptOutcome(6, 3), outcome);
        Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(s => s.Number));
        Assert.Equal([1, 2, 3, 4, 5, 6], steps.Select(s => s.Line));
        Assert.Equal(
            ["DROP VIEW shop.sales.total", "CREATE VIEW shop.sales.total", "CREATE VIEW shop.sales.orders", "Create the local catalog"],
            (await catalog.GetLogAsync("main", 10)).Select(c => c.Message));
        Assert.Equal(["shop.sales.orders", "shop.sales.total"], (await ViewsAtAsync(catalog, (await catalog.GetBranchAsync("dev")).Hash)).Keys.Order());
    }

    [Fact(Timeout = 30_000)]
    public async Task The_first_failing_statement_stops_the_run_and_is_named_by_its_line_while_the_ones_before_it_stay()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);
        const string Script = SetUp + """

            CREATE VIEW shop.sales.a AS SELECT 1 AS x;
            -- the next one reads a column that does not exist
            CREATE VIEW shop.sales.b AS
              SELECT note FROM shop.raw.orders;
            CREATE VIEW shop.sales.c AS SELECT 3 AS x;
            CREATE VIEW shop.sales.d AS SELECT 4 AS x;
            """;

        // Act
        var error = await Assert.ThrowsAsync<CatalogException>(() => Runner(catalog).RunAsync("main", Script));

        // Assert
        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.StartsWith("Statement 4 of 6, at line 5 (CREATE VIEW shop.sales.b AS), failed: View shop.sales.b", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such column: note", error.Message, StringComparison.Ordinal);
        Assert.Contains("The 3 statements before it ran, and what they did stays", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("The 2 statements after it did not run.", error.Message, StringComparison.Ordinal);
        Assert.Equal(["shop.sales.a"], (await ViewsAtAsync(catalog, (await catalog.GetBranchAsync("main")).Hash)).Keys);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merge_with_conflicts_fails_the_script_like_an_error()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);
        const string Script = """
            CREATE VIEW s.v AS SELECT 1 AS x;
            CREATE BRANCH dev;
            CREATE OR REPLACE VIEW s.v AS SELECT 2 AS x;
            MERGE BRANCH main INTO dev;
            CREATE VIEW s.after AS SELECT 1 AS x;
            """;
        await PutAsync(catalog, "main", ("s.other", "SELECT 0 AS x"));
        await catalog.CreateBranchAsync("seed", (await catalog.GetBranchAsync("main")).Hash);

        // Act: the script runs at main; dev changes s.v in between by a commit of its own.
        var steps = new List<LocalScriptStep>();
        var runner = Runner(catalog);
        var error = await Assert.ThrowsAsync<CatalogException>(() => runner.RunAsync("main", Script, onStep: step =>
        {
            steps.Add(step);
            if (step.Number == 2)
            {
                PutAsync(catalog, "dev", ("s.v", "SELECT 3 AS x")).GetAwaiter().GetResult();
            }
        }));

        // Assert
        Assert.StartsWith("Statement 4 of 5, at line 4 (MERGE BRANCH main INTO dev), failed: Failed to merge branch main into dev", error.Message, StringComparison.Ordinal);
        Assert.False(steps[^1].Result.Succeeded);
        Assert.Equal(4, steps.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task As_one_commit_the_views_apply_together_and_a_failure_commits_nothing()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);
        await Runner(catalog).RunAsync("main", SetUp);
        var before = await catalog.GetBranchAsync("main");
        const string Good = """
            CREATE VIEW shop.sales.a AS SELECT * FROM shop.raw.orders;
            CREATE VIEW shop.sales.b AS SELECT count(*) AS n FROM shop.sales.a;
            CREATE OR REPLACE VIEW shop.sales.a AS SELECT id, amount FROM shop.raw.orders WHERE amount > 0;
            DROP VIEW IF EXISTS shop.sales.nothing;
            """;
        const string Bad = """
            CREATE VIEW shop.sales.c AS SELECT 1 AS x;
            DROP VIEW shop.sales.a;
            CREATE VIEW shop.sales.d AS SELECT * FROM shop.sales.a;
            """;

        // Act
        var outcome = await Runner(catalog).RunAsync("main", Good, singleCommit: true);
        var afterGood = await catalog.GetBranchAsync("main");
        var error = await Assert.ThrowsAsync<CatalogException>(() => Runner(catalog).RunAsync("main", Bad, singleCommit: true));

        // Assert
        Assert.Equal(new LocalScriptOutcome(4, 1), outcome);
        Assert.Equal(before.Hash, (await catalog.GetLogAsync("main", 2))[1].Hash);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["shop.sales.a"] = "SELECT id, amount FROM shop.raw.orders WHERE amount > 0",
                ["shop.sales.b"] = "SELECT count(*) AS n FROM shop.sales.a",
            },
            await ViewsAtAsync(catalog, afterGood.Hash));
        Assert.StartsWith("SQL script: 2 created, 0 replaced, 0 dropped", (await catalog.GetCommitAsync(afterGood.Hash)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Statement 3 of 3, at line 3 (CREATE VIEW shop.sales.d AS SELECT * FROM shop.sales.a), failed:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown table or view shop.sales.a", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was committed: the script applies as one commit or not at all.", error.Message, StringComparison.Ordinal);
        Assert.Equal(afterGood.Hash, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("CREATE VIEW s.a AS SELECT 1 AS x;\nCREATE BRANCH dev;", "Statement 2 of 2, at line 2 (CREATE BRANCH dev), failed: A script applied as one commit holds view statements only")]
    [InlineData("INSERT INTO shop.raw.orders VALUES (3, 1);", "plain SQL on the data tables, which are not versioned")]
    [InlineData("SELECT 1;", "a query, which would not see the staged views")]
    public async Task As_one_commit_only_view_statements_are_accepted(string script, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);
        await Runner(catalog).RunAsync("main", SetUp);
        var head = await catalog.GetBranchAsync("main");

        var error = await Assert.ThrowsAsync<CatalogException>(() => Runner(catalog).RunAsync("main", script, singleCommit: true));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(head.Hash, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("CREATE VIEW s.a AS SELECT 1 AS x;\nCREATE VIEW s.b AS SELECT 'open AS x;", "the string literal that starts at line 2, column 27 is not closed (expected a closing '). Nothing ran.")]
    [InlineData("-- nothing here;\n;", "The SQL script holds no statement")]
    public async Task A_script_that_cannot_be_split_or_is_empty_runs_nothing(string script, string expected)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenCatalogAsync(temp);

        var error = await Assert.ThrowsAsync<CatalogException>(() => Runner(catalog).RunAsync("main", script));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await ViewsAtAsync(catalog, (await catalog.GetBranchAsync("main")).Hash));
    }

    private static LocalSqlScript Runner(LocalCatalog catalog) => new(new LocalSqlExecutor(catalog));

    private static Task<LocalCatalog> OpenCatalogAsync(TempDirectory temp) =>
        LocalCatalog.OpenAsync(
            temp.Combine("catalog.db"),
            new LocalCatalogOptions { Author = "tester", TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero)) });
}
