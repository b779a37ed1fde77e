using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Pipeline.DataTests;
using LakehouseManager.Tests.Pipeline.Demo;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.DataTests;

public sealed class QueryEngineFactoryTests
{
    private const string Pat = "dremio-pat-9c1e77b0";
    private const string ProjectId = "48ca6975-39ad-47cb-9bb5-de73060380f6";

    [Fact]
    public async Task Dremio_Cloud_settings_that_are_missing_are_named_together_by_their_flags()
    {
        var settings = new QueryEngineSettings { Kind = QueryEngineKind.DremioCloud };

        var error = await Assert.ThrowsAsync<LakehouseException>(() => QueryEngineFactory.CreateAsync(settings));

        Assert.Contains("--project-id", error.Message, StringComparison.Ordinal);
        Assert.Contains("--dremio-pat", error.Message, StringComparison.Ordinal);
        Assert.Contains("DREMIO_PAT", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", error.Message, StringComparison.Ordinal);
        Assert.Contains("--repo-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dremio_Software_needs_its_url()
    {
        var settings = new QueryEngineSettings { Kind = QueryEngineKind.DremioSoftware, Pat = Pat, RepoName = "lake" };

        var error = await Assert.ThrowsAsync<LakehouseException>(() => QueryEngineFactory.CreateAsync(settings));

        Assert.Contains("--dremio-url", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Pat, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-uuid", Pat)]
    [InlineData(ProjectId, "dremio pat with spaces")]
    public async Task The_pat_appears_in_no_error_and_not_in_the_settings_text(string projectId, string pat)
    {
        var settings = new QueryEngineSettings { Kind = QueryEngineKind.DremioCloud, ProjectId = projectId, Pat = pat, RepoName = "lake" };

        var error = await Assert.ThrowsAsync<LakehouseException>(() => QueryEngineFactory.CreateAsync(settings));

        Assert.DoesNotContain(pat, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pat, settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("Pat = ***", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu", "lake", "Dremio Cloud (EMEA), source 'lake'")]
    [InlineData("us-west-2", " arctic ", "Dremio Cloud (US), source 'arctic'")]
    public async Task The_region_picks_the_control_plane_and_the_source_is_the_repository_name(
        string region, string repoName, string description)
    {
        await using var engine = await QueryEngineFactory.CreateAsync(new QueryEngineSettings
        {
            Kind = QueryEngineKind.DremioCloud,
            ProjectId = ProjectId,
            Region = region,
            Pat = Pat,
            RepoName = repoName,
        });

        Assert.Equal(description, engine.Description);
        Assert.Equal(QueryEngineKind.DremioCloud, engine.Kind);
    }

    [Fact]
    public async Task A_local_catalog_path_that_does_not_exist_is_an_error_and_no_file_is_created()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("missing", "catalog.db");

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => QueryEngineFactory.CreateAsync(new QueryEngineSettings { Kind = QueryEngineKind.Local, CatalogPath = path }));
        var unset = await Assert.ThrowsAsync<LakehouseException>(
            () => QueryEngineFactory.CreateAsync(new QueryEngineSettings { Kind = QueryEngineKind.Local }));

        Assert.Contains($"'{path}' (--catalog-path) does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--catalog-path", unset.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_local_engine_resolves_names_written_with_the_repository_name_as_Dremio_source()
    {
        using var temp = new TempDirectory();
        using (await DemoCatalog.CreateAsync(temp))
        {
        }

        await using var engine = await QueryEngineFactory.CreateAsync(new QueryEngineSettings
        {
            Kind = QueryEngineKind.Local,
            CatalogPath = temp.Combine(".lakehouse", "catalog.db"),
            RepoName = "lake",
        });
        var run = await new DataTestRunner(engine).RunAsync(
            DataTestFileParser.Parse(
                "tests:\n  - name: n\n    sql: SELECT COUNT(*) AS n FROM lake.shop.sales.orders_completed\n    expect: { scalar: { equals: 7 } }\n",
                "t.yaml"),
            "main");

        Assert.Equal(DataTestStatus.Passed, Assert.Single(run.Results).Status);
        Assert.StartsWith("local catalog ", engine.Description, StringComparison.Ordinal);
    }
}
