using LakehouseManager.Catalog.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

public sealed class NessieEndpointTests
{
    [Theory]
    [InlineData("http://localhost:19120", "http://localhost:19120/api/v2/")]
    [InlineData("http://localhost:19120/", "http://localhost:19120/api/v2/")]
    [InlineData("http://localhost:19120/api/v2", "http://localhost:19120/api/v2/")]
    [InlineData("https://proxy.example.com/nessie", "https://proxy.example.com/nessie/api/v2/")]
    [InlineData(
        "https://nessie.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2",
        "https://nessie.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2/")]
    public void A_nessie_url_becomes_the_api_v2_root(string url, string expected)
    {
        Assert.Equal(expected, NessieEndpoint.FromUrl(url).BaseUri.ToString());
    }

    [Theory]
    [InlineData("us", "https://nessie.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2/")]
    [InlineData(null, "https://nessie.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2/")]
    [InlineData("eu", "https://nessie.eu.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2/")]
    [InlineData("EMEA", "https://nessie.eu.dremio.cloud/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2/")]
    public void An_arctic_catalog_uses_the_host_of_its_region(string? region, string expected)
    {
        Assert.Equal(expected, NessieEndpoint.Arctic("5F2A9C3E-1B7D-4C8E-9A6F-2D4B8E1C7A90", region).BaseUri.ToString());
    }

    [Theory]
    [InlineData("", "--nessie-url is required")]
    [InlineData("localhost:19120", "is not a valid Nessie URL")]
    [InlineData("ftp://nessie.example.com", "is not a valid Nessie URL")]
    [InlineData("http://localhost:19120/api/v1", "speaks API v2")]
    [InlineData("http://localhost:19120/api/v2?x=1", "must not have a query")]
    public void A_bad_nessie_url_is_refused_with_what_is_expected(string url, string expected)
    {
        var error = Assert.Throws<LakehouseException>(() => NessieEndpoint.FromUrl(url));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_with_a_password_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<LakehouseException>(() => NessieEndpoint.FromUrl("http://user:s3cret-pass@localhost:19120"));

        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arctic_catalog_id_must_be_a_uuid()
    {
        var error = Assert.Throws<LakehouseException>(() => NessieEndpoint.Arctic("my-catalog", "us"));

        Assert.Contains("'my-catalog' is not an Arctic catalog id", error.Message, StringComparison.Ordinal);
    }
}
