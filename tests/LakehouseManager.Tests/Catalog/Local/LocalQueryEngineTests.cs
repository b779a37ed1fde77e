using LakehouseManager.Catalog.Local;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalQueryEngineTests
{
    [Fact(Timeout = 60_000)]
    public async Task Data_tests_run_against_the_views_of_the_branch_and_a_bad_query_is_a_test_error()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE TABLE shop.raw.orders (id INTEGER, amount REAL)");
        await sql.ExecuteAsync("main", "INSERT INTO shop.raw.orders VALUES (1, 10.5), (2, -3)");
        await sql.ExecuteAsync("main", "CREATE VIEW shop.sales.orders AS SELECT * FROM shop.raw.orders WHERE amount > 0");
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        await sql.ExecuteAsync("dev", "CREATE OR REPLACE VIEW shop.sales.orders AS SELECT * FROM shop.raw.orders");
        var suite = DataTestFileParser.Parse(
            """
            tests:
              - name: no_negative_amounts
                sql: SELECT * FROM shop.sales.orders WHERE amount < 0
                expect: { no_rows: true }
              - name: total
                sql: SELECT SUM(amount) AS total FROM shop.sales.orders AT BRANCH {branch}
                expect: { scalar: { column: total, equals: 10.5 } }
              - name: broken
                sql: SELECT * FROM shop.sales.nowhere
                expect: { row_count: { equals: 1 } }
            """,
            "tests.yaml");
        var runner = new DataTestRunner(new LocalQueryEngine(catalog));

        // Act
        var onMain = await runner.RunAsync(suite, QueryVersion.AtHead("main"));
        var onDev = await runner.RunAsync(suite, QueryVersion.AtHead("dev"));

        // Assert
        Assert.Equal(
            [DataTestStatus.Passed, DataTestStatus.Passed, DataTestStatus.Error],
            onMain.Results.Select(r => r.Status));
        Assert.Equal(
            [DataTestStatus.Failed, DataTestStatus.Failed, DataTestStatus.Error],
            onDev.Results.Select(r => r.Status));
        Assert.Contains("shop.sales.nowhere", onMain.Results[2].Message, StringComparison.Ordinal);
        Assert.Equal(DataTestErrorKind.QueryFailed, onMain.Results[2].ErrorKind);
    }
}
