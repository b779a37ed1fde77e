using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioQueryOnlyTests
{
    [Fact(Timeout = 10_000)]
    public async Task Statements_that_change_the_catalog_are_never_submitted_to_Dremio()
    {
        // Arrange: a tests file from a pull request's branch that tries to change the catalog with the bot's PAT.
        await using var fake = await DremioFake.StartAsync();
        fake.OnSql("SELECT COUNT(*) AS n FROM lake.sales.orders", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("n", "BIGINT", 3L)));
        using var client = DremioTestKit.CloudClient(fake);
        var engine = new DremioQueryEngine(client, "lake", DremioTestKit.FastPolling);
        var suite = DataTestFileParser.Parse(
            """
            tests:
              - { name: drop, sql: DROP VIEW lake.sales.orders, expect: { no_rows: true } }
              - { name: merge, sql: MERGE BRANCH dev INTO main IN lake, expect: { no_rows: true } }
              - name: hidden
                sql: "SELECT 1; INSERT INTO lake.sales.orders VALUES (1)"
                expect: { no_rows: true }
              - { name: count, sql: SELECT COUNT(*) AS n FROM lake.sales.orders, expect: { scalar: { equals: 3 } } }
            """,
            "tests.yaml");

        // Act
        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"));

        // Assert
        Assert.Equal(
            [("drop", DataTestStatus.Error), ("merge", DataTestStatus.Error), ("hidden", DataTestStatus.Error), ("count", DataTestStatus.Passed)],
            run.Results.Select(r => (r.Name, r.Status)));
        Assert.Contains("test 'drop' was not run: a data test runs one query (SELECT, WITH or VALUES); this one starts with DROP",
            run.Results[0].Message, StringComparison.Ordinal);
        Assert.Equal(["SELECT COUNT(*) AS n FROM lake.sales.orders"], fake.Submissions.Select(s => s.Sql));
    }
}
