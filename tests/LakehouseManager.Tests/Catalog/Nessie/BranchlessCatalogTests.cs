using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.IcebergRest;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Pointed at a catalog without branches, the tool says so in one clear message (issue 10).</summary>
public sealed class BranchlessCatalogTests
{
    [Theory(Timeout = 30_000)]
    [InlineData("/api/catalog")]
    [InlineData("/api/iceberg")]
    public async Task An_iceberg_rest_catalog_such_as_open_catalog_is_said_to_have_no_branches(string prefix)
    {
        await using var polaris = await IcebergRestFake.StartAsync(prefix);
        using var client = new NessieClient(
            NessieEndpoint.FromUrl(polaris.CatalogUri.ToString()), new BearerToken("open-catalog-pat-77"), resilience: NessieTestKit.QuickPipeline());
        var catalog = new NessieCatalog(client);

        var error = await Assert.ThrowsAsync<LakehouseException>(() => catalog.GetBranchAsync("main"));

        Assert.IsNotType<CatalogException>(error);
        Assert.StartsWith($"The catalog at {polaris.BaseAddress.GetLeftPart(UriPartial.Authority)} has no branches: it answers as an Iceberg REST catalog ({prefix}/v1/config)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Open Catalog (Apache Polaris)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--catalog nessie --nessie-url", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("open-catalog-pat-77", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_server_that_is_neither_nessie_nor_iceberg_rest_gets_the_url_to_check()
    {
        await using var other = await DremioFake.StartAsync();
        using var client = new NessieClient(NessieEndpoint.FromUrl(other.BaseAddress.ToString()), null, resilience: NessieTestKit.QuickPipeline());
        var catalog = new NessieCatalog(client);

        var error = await Assert.ThrowsAsync<LakehouseException>(() => catalog.ListBranchesAsync());

        Assert.StartsWith($"No Nessie catalog answers at {other.BaseAddress}api/v2/", error.Message, StringComparison.Ordinal);
        Assert.Contains("check --nessie-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arctic_catalog_that_is_not_found_names_the_catalog_id_and_open_catalog()
    {
        var endpoint = NessieEndpoint.Arctic("5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90", "eu");

        var message = BranchlessCatalog.Message(endpoint, icebergRestConfig: null);

        Assert.StartsWith(
            "Arctic catalog 5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90 (EMEA) was not found at https://nessie.eu.dremio.cloud/repositories/",
            message, StringComparison.Ordinal);
        Assert.Contains("check --catalog-id and --dremio-cloud-region", message, StringComparison.Ordinal);
        Assert.Contains("Open Catalog (Apache Polaris) instead of Arctic", message, StringComparison.Ordinal);
    }
}
