using System.Security.Cryptography;
using System.Xml.Linq;
using LakehouseManager.Catalog.Local;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.DataTests.Reports;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>
/// The original tool's example tests file, unchanged (see TestData/DataTests/original-tool-example.origin.md), on
/// branch dev of a local catalog: its queries read <c>DremioData.application."tpcds_all_sales" AT BRANCH "main"</c>.
/// </summary>
public sealed class OriginalToolExampleTests
{
    private const string FileName = "original-tool-example.json";

    [Fact]
    public void The_file_is_the_original_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "DataTests", FileName));

        Assert.Equal(
            "3b1711b9a3f2b70159de414b73db58a55c653bcc34b82ebb08657595a77efd1d",
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact(Timeout = 30_000)]
    public async Task On_branch_dev_it_gives_pass_pass_fail_and_a_junit_report_of_three_cases_and_one_failure()
    {
        // Arrange
        using var temp = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero));
        using var catalog = await LocalCatalog.OpenAsync(
            temp.Combine("catalog.db"), new LocalCatalogOptions { Author = "tester", TimeProvider = clock });
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE TABLE DremioData.application.\"tpcds_all_sales\" (item TEXT, amount REAL)");
        await sql.ExecuteAsync("main", "INSERT INTO DremioData.application.tpcds_all_sales VALUES ('a', 1.5), ('b', 2), ('c', 3)");
        await sql.ExecuteAsync("main", "CREATE BRANCH dev");
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "DataTests", FileName));
        var suite = DataTestFileParser.Parse(text, FileName);

        // Act
        var run = await new DataTestRunner(new LocalQueryEngine(catalog), timeProvider: clock).RunAsync(suite, QueryVersion.AtHead("dev"));
        var junit = XDocument.Parse(JUnitReport.Render(run));

        // Assert
        Assert.Equal(["test_0", "test_1", "test_2"], run.Results.Select(r => r.Test.Name));
        Assert.Equal([DataTestStatus.Passed, DataTestStatus.Passed, DataTestStatus.Failed], run.Results.Select(r => r.Status));
        var suiteElement = Assert.Single(junit.Root!.Elements("testsuite"));
        Assert.Equal("3", suiteElement.Attribute("tests")?.Value);
        Assert.Equal("1", suiteElement.Attribute("failures")?.Value);
        Assert.Equal("0", suiteElement.Attribute("errors")?.Value);
        Assert.Equal(3, suiteElement.Elements("testcase").Count());
        Assert.Equal("test_2", Assert.Single(suiteElement.Elements("testcase"), c => c.Element("failure") is not null).Attribute("name")?.Value);
    }
}
