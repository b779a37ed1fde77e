using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.DataTests;

/// <summary>
/// A run with one test of each outcome, made by the real runner against the in-memory engine on a fake clock, one
/// query at a time: the same input, durations included, on every machine.
/// </summary>
internal static class ReportFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static async Task<DataTestRun> RunAsync()
    {
        var clock = TestClock.Create(Start);
        var engine = new InMemoryQueryEngine(clock) { Description = "Dremio Cloud (EMEA)" }
            .Returns(
                "SELECT id, note, amount FROM shop.sales.orders AT BRANCH \"dev\" WHERE amount < 0",
                TimeSpan.FromMilliseconds(1840),
                ["id", "note", "amount"],
                [17L, "refund | partial", -12.50m],
                [23L, "line one\nline two", -0.01m],
                [42L, null, -99999.99m])
            .Returns("SELECT SUM(amount) AS total FROM shop.sales.orders", TimeSpan.FromMilliseconds(950),
                ["total"], [1180.25m])
            .Fails("SELECT * FROM shop.sales.orderz", "VALIDATION ERROR: Object 'orderz' not found within 'shop.sales'\n" +
                                                      "SQL Query: SELECT * FROM shop.sales.orderz \u0007",
                TimeSpan.FromMilliseconds(420))
            .Returns("SELECT customer FROM shop.sales.top_customers ORDER BY revenue DESC", TimeSpan.FromSeconds(2),
                ["customer"], ["acme"], ["initech"], ["globex"])
            .Returns("SELECT * FROM shop.ref.regions", TimeSpan.FromMilliseconds(310),
                ["code", "name"], ["AMER", "Americas"], ["APAC", "Asia-Pacific"], ["EMEA", "Europe"], ["LATAM", "Latin America"], ["ANZ", "Oceania"])
            .Returns("SELECT code FROM shop.ref.currencies", TimeSpan.FromMilliseconds(75), ["code"], ["EUR"]);
        var suite = DataTestFileParser.Parse(TestFiles.ReadTestData("report.yaml"), "data-tests.yaml");
        var runner = new DataTestRunner(engine, new DataTestRunnerOptions { MaxParallelism = 1 }, clock);
        return await runner.RunAsync(suite, QueryVersion.AtHead("dev"));
    }
}
