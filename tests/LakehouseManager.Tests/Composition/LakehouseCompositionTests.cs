using LakehouseManager.Composition;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Pipeline;
using LakehouseManager.Tests.Pipeline.Demo;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Composition;

public sealed class LakehouseCompositionTests
{
    private const string Pat = "dremio-pat-9c1e77b0";
    private const string ProjectId = "48ca6975-39ad-47cb-9bb5-de73060380f6";

    private static LakehouseSettings Settings(CatalogKind kind, string root) => new()
    {
        Catalog = kind,
        RepoPath = Path.Combine(root, "checkout"),
        ArtifactsDirectory = Path.Combine(root, "artifacts"),
        CatalogPath = Path.Combine(root, ".lakehouse", "catalog.db"),
    };

    [Fact(Timeout = 30_000)]
    public async Task Dremio_Cloud_settings_that_are_missing_are_named_together_by_their_flags()
    {
        using var temp = new TempDirectory();
        await using var lakehouse = new Lakehouse(Settings(CatalogKind.DremioCloud, temp.Path));

        var error = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetQueryEngineAsync());

        Assert.Contains("--project-id", error.Message, StringComparison.Ordinal);
        Assert.Contains("--dremio-pat", error.Message, StringComparison.Ordinal);
        Assert.Contains("DREMIO_PAT", error.Message, StringComparison.Ordinal);
        Assert.Contains("--repo-name", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Dremio_Software_needs_its_url()
    {
        using var temp = new TempDirectory();
        await using var lakehouse = new Lakehouse(Settings(CatalogKind.Dremio, temp.Path) with { DremioPat = Pat, RepoName = "lake" });

        var error = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetQueryEngineAsync());

        Assert.Contains("--dremio-url", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Pat, error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("not-a-uuid", Pat)]
    [InlineData(ProjectId, "dremio pat with spaces")]
    public async Task The_pat_appears_in_no_error_and_not_in_the_settings_text(string projectId, string pat)
    {
        using var temp = new TempDirectory();
        var settings = Settings(CatalogKind.DremioCloud, temp.Path) with { ProjectId = projectId, DremioPat = pat, RepoName = "lake" };
        await using var lakehouse = new Lakehouse(settings);

        var error = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetQueryEngineAsync());

        Assert.DoesNotContain(pat, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pat, settings.ToString(), StringComparison.Ordinal);
        Assert.Contains("DremioPat = ***", settings.ToString(), StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("eu", "lake", "Dremio Cloud (EMEA), source 'lake'")]
    [InlineData("us-west-2", " arctic ", "Dremio Cloud (US), source 'arctic'")]
    public async Task The_region_picks_the_control_plane_and_the_source_is_the_repository_name(
        string region, string repoName, string description)
    {
        using var temp = new TempDirectory();
        await using var lakehouse = new Lakehouse(Settings(CatalogKind.DremioCloud, temp.Path) with
        {
            ProjectId = ProjectId,
            DremioCloudRegion = region,
            DremioPat = Pat,
            RepoName = repoName,
        });

        var engine = await lakehouse.GetQueryEngineAsync();

        Assert.Equal(description, engine.Description);
    }

    [Fact(Timeout = 30_000)]
    public async Task Data_tests_on_Dremio_open_no_catalog_and_an_Arctic_catalog_needs_its_id()
    {
        using var temp = new TempDirectory();
        await using var lakehouse = new Lakehouse(Settings(CatalogKind.DremioCloud, temp.Path) with
        {
            ProjectId = ProjectId,
            DremioPat = Pat,
            RepoName = "lake",
        });

        var engine = await lakehouse.GetQueryEngineAsync();
        var error = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetCatalogAsync());

        Assert.StartsWith("Dremio Cloud", engine.Description, StringComparison.Ordinal);
        Assert.StartsWith("--catalog-id is required for an Arctic catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_redactor_knows_every_secret_a_setting_can_hold_and_masks_it_in_a_nessie_url_error()
    {
        // Arrange: a secret in each setting that can hold one; the Nessie URL's query is refused by name.
        using var temp = new TempDirectory();
        var settings = Settings(CatalogKind.Nessie, temp.Path) with
        {
            DremioPat = "canary-dremio-pat-1",
            DremioUrl = "https://admin:canary-dremio-password-2@dremio.invalid:9047",
            NessieToken = "canary-nessie-token-3",
            NessieUrl = "http://127.0.0.1:1/api/v2?key=canary-nessie-query-4",
            AwsEndpointUrl = "http://127.0.0.1:1/?token=canary-aws-query-5",
            Secrets = ["canary-environment-6"],
        };
        await using var lakehouse = new Lakehouse(settings);
        var pipeline = new LakehousePipeline(lakehouse);

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => pipeline.SyncAsync("main"));

        // Assert
        Assert.All(
            (string[])["canary-dremio-pat-1", "canary-dremio-password-2", "canary-nessie-token-3", "canary-nessie-query-4", "canary-aws-query-5", "canary-environment-6"],
            secret => Assert.Equal("[***]", lakehouse.Redactor.Redact($"[{secret}]")));
        Assert.Contains("--nessie-url 'http://127.0.0.1:1/api/v2?key=***'", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_local_catalog_path_that_does_not_exist_is_an_error_and_no_file_is_created()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("missing", "catalog.db");
        await using var lakehouse = new Lakehouse(Settings(CatalogKind.Local, temp.Path) with { CatalogPath = path });
        await using var unset = new Lakehouse(Settings(CatalogKind.Local, temp.Path) with { CatalogPath = " " });

        var catalogError = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetCatalogAsync());
        var engineError = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetQueryEngineAsync());
        var unsetError = await Assert.ThrowsAsync<LakehouseException>(() => unset.GetCatalogAsync());

        Assert.Contains($"'{path}' (--catalog-path) does not exist", catalogError.Message, StringComparison.Ordinal);
        Assert.Equal(catalogError.Message, engineError.Message);
        Assert.Contains("--catalog-path", unsetError.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_local_engine_resolves_names_written_with_the_repository_name_as_Dremio_source()
    {
        using var temp = new TempDirectory();
        using (await DemoCatalog.CreateAsync(temp))
        {
        }

        await using var lakehouse = new Lakehouse(Settings(CatalogKind.Local, temp.Path) with { RepoName = "lake" });
        var engine = await lakehouse.GetQueryEngineAsync();
        var run = await new DataTestRunner(engine).RunAsync(
            DataTestFileParser.Parse(
                "tests:\n  - name: n\n    sql: SELECT COUNT(*) AS n FROM lake.shop.sales.orders_completed\n    expect: { scalar: { equals: 7 } }\n",
                "t.yaml"),
            QueryVersion.AtHead("main"));

        Assert.Equal(DataTestStatus.Passed, Assert.Single(run.Results).Status);
        Assert.StartsWith("local catalog ", engine.Description, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_engine_and_the_catalog_of_the_local_kind_are_one_open_catalog()
    {
        using var temp = new TempDirectory();
        using (await DemoCatalog.CreateAsync(temp))
        {
        }

        await using var lakehouse = new Lakehouse(Settings(CatalogKind.Local, temp.Path));

        var catalog = await lakehouse.GetLocalCatalogAsync();
        var again = await lakehouse.GetCatalogAsync();
        _ = await lakehouse.GetQueryEngineAsync();

        Assert.Same(catalog, again);
    }
}
