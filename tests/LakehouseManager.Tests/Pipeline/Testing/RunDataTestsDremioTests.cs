using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Demo;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Testing;

public sealed class RunDataTestsDremioTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_run_on_Dremio_writes_the_same_reports_as_the_same_data_on_the_local_catalog()
    {
        // Arrange: the fake answers each test's query with the rows the local catalog gives for it.
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        await using var fake = await DremioFake.StartAsync();
        await ScriptFromLocalAsync(fake, fixture.Catalog, DemoDataTests.Yaml, "dev");
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            Catalog = CatalogKind.DremioCloud,
            ProjectId = fake.ProjectId,
            DremioCloudRegion = "emea",
            DremioPat = fake.Pat,
            RepoName = "lake",
            HttpHandler = fake.CreateHandler(),
            DremioOptions = DremioTestKit.FastPolling,
            RepoPath = repository.Directory,
            ArtifactsDirectory = Path.Combine(repository.Directory, "artifacts"),
        });
        var dremio = await lakehouse.GetQueryEngineAsync();
        var local = await fixture.UseCase().RunAsync(fixture.Settings(repository, DemoDataTests.YamlPath));
        var localReports = await ReadReportsAsync(local);

        // Act
        var remote = await fixture.UseCase().RunAsync(fixture.Settings(repository, DemoDataTests.YamlPath) with { Engine = dremio });

        // Assert
        Assert.Equal("Dremio Cloud (EMEA), source 'lake'", remote.Run.Engine);
        Assert.Equal(local.Run.Results.Select(r => (r.Name, r.Status)), remote.Run.Results.Select(r => (r.Name, r.Status)));
        Assert.Equal(localReports, await ReadReportsAsync(remote));
        Assert.Equal(9, fake.Submissions.Count);
        Assert.All(fake.Submissions, s =>
        {
            Assert.Equal("api.eu.dremio.cloud", s.Host);
            Assert.Equal(new DremioFakeReference("BRANCH", "dev"), s.References["lake"]);
        });
        Assert.DoesNotContain(fake.Pat, remote.ConsoleReport, StringComparison.Ordinal);
    }

    /// <summary>The three reports, with the engine's description (the one expected difference) masked.</summary>
    private static async Task<(string Markdown, string JUnit, string Console)> ReadReportsAsync(RunDataTestsResult result)
    {
        string Mask(string text) => text.Replace(result.Run.Engine, "ENGINE", StringComparison.Ordinal);
        return (
            Mask(await File.ReadAllTextAsync(result.Reports.MarkdownPath)),
            Mask(await File.ReadAllTextAsync(result.Reports.JUnitPath)),
            Mask(result.ConsoleReport));
    }

    private static async Task ScriptFromLocalAsync(DremioFake fake, LocalCatalog catalog, string testsFile, string branch)
    {
        var engine = new LocalQueryEngine(catalog);
        foreach (var test in DataTestFileParser.Parse(testsFile, "tests").Tests)
        {
            var sql = test.SqlFor(branch);
            await using var cursor = await engine.ExecuteAsync(sql, QueryVersion.AtHead(branch));
            var rows = await cursor.ReadRowsAsync().ToListAsync();
            var columns = cursor.Columns
                .Select((name, i) => new DremioFakeColumn(name, TypeOf(rows.Select(r => r[i]).FirstOrDefault(v => v is not null))))
                .ToList();
            fake.OnSql(sql, DremioFakeOutcome.Rows(DremioFakeResult.FromRows(columns, [.. rows])));
        }
    }

    private static string TypeOf(object? value) => value switch
    {
        long => "BIGINT",
        double => "DOUBLE",
        decimal => "DECIMAL",
        bool => "BOOLEAN",
        _ => "VARCHAR",
    };
}
