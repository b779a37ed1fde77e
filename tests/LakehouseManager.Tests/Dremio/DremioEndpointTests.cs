using LakehouseManager.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioEndpointTests
{
    private const string ProjectId = "48ca6975-39ad-47cb-9bb5-de73060380f6";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("us")]
    [InlineData("US")]
    [InlineData("eu-west-1")]
    [InlineData("europe")]
    [InlineData(" eu")]
    public void Any_region_but_eu_or_emea_means_the_US_control_plane(string? region)
    {
        var endpoint = DremioEndpoint.Cloud(ProjectId, region);

        Assert.Equal(DremioDeployment.CloudUs, endpoint.Deployment);
        Assert.Equal($"https://api.dremio.cloud/v0/projects/{ProjectId}/", endpoint.BaseUri.ToString());
        Assert.Equal("Dremio Cloud (US)", endpoint.Description);
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("EU")]
    [InlineData("emea")]
    [InlineData("EMEA")]
    [InlineData("Emea")]
    public void Eu_and_emea_in_any_case_mean_the_EMEA_control_plane(string region)
    {
        var endpoint = DremioEndpoint.Cloud(ProjectId, region);

        Assert.Equal(DremioDeployment.CloudEmea, endpoint.Deployment);
        Assert.Equal($"https://api.eu.dremio.cloud/v0/projects/{ProjectId}/", endpoint.BaseUri.ToString());
        Assert.Equal("Dremio Cloud (EMEA)", endpoint.Description);
    }

    [Fact]
    public void A_project_id_is_normalised_to_the_lower_case_uuid_form()
    {
        var endpoint = DremioEndpoint.Cloud("48CA697539AD47CB9BB5DE73060380F6", "us");

        Assert.Equal(ProjectId, endpoint.ProjectId);
    }

    [Theory]
    [InlineData("https://dremio.example.com:9047", "https://dremio.example.com:9047/api/v3/")]
    [InlineData("https://dremio.example.com:9047/", "https://dremio.example.com:9047/api/v3/")]
    [InlineData("http://localhost:9047/api/v3", "http://localhost:9047/api/v3/")]
    [InlineData("https://gateway.example.com/dremio", "https://gateway.example.com/dremio/api/v3/")]
    public void Dremio_Software_serves_the_api_under_api_v3(string url, string expected)
    {
        var endpoint = DremioEndpoint.Software(url);

        Assert.Equal(DremioDeployment.Software, endpoint.Deployment);
        Assert.Equal(expected, endpoint.BaseUri.ToString());
        Assert.False(endpoint.SupportsRequestId);
    }

    [Fact]
    public void The_sql_and_job_paths_resolve_under_the_api_root()
    {
        var endpoint = DremioEndpoint.Cloud(ProjectId, "eu");
        var root = $"https://api.eu.dremio.cloud/v0/projects/{ProjectId}/";

        Assert.Equal(root + "sql", endpoint.Sql.ToString());
        Assert.Equal(root + "job/1f2e", endpoint.Job("1f2e").ToString());
        Assert.Equal(root + "job/1f2e/results?offset=500&limit=500", endpoint.JobResults("1f2e", 500, 500).ToString());
        Assert.Equal(root + "job/1f2e/cancel", endpoint.JobCancel("1f2e").ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_project_id_is_an_error_that_names_the_parameter(string? projectId)
    {
        var error = Assert.Throws<LakehouseException>(() => DremioEndpoint.Cloud(projectId, "us"));

        Assert.Contains("--project-id is required", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsFatal);
    }

    [Fact]
    public void A_project_name_instead_of_its_id_is_an_error_that_names_the_value()
    {
        var error = Assert.Throws<LakehouseException>(() => DremioEndpoint.Cloud("analytics prod", "us"));

        Assert.Contains("'analytics prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UUID", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dremio.example.com:9047")]
    [InlineData("ftp://dremio.example.com")]
    [InlineData("not a url")]
    [InlineData("/api/v3")]
    public void A_malformed_dremio_url_is_an_error_that_names_it_and_shows_a_valid_one(string url)
    {
        var error = Assert.Throws<LakehouseException>(() => DremioEndpoint.Software(url));

        Assert.Contains($"--dremio-url '{url}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://dremio.example.com:9047", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://dremio.example.com:9047/?token=canary-4f1d", "'https://dremio.example.com:9047/?***'")]
    [InlineData("https://dremio.example.com:9047/#canary-4f1d", "'https://dremio.example.com:9047/#***'")]
    [InlineData("dremio.example.com:9047?token=canary-4f1d", "(not shown: it may hold a secret)")]
    public void A_dremio_url_with_a_query_or_fragment_is_refused_without_echoing_them(string url, string shown)
    {
        var error = Assert.Throws<LakehouseException>(() => DremioEndpoint.Software(url));

        Assert.Contains($"--dremio-url {shown}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-4f1d", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dremio_url_is_an_error_that_names_the_parameter()
    {
        var error = Assert.Throws<LakehouseException>(() => DremioEndpoint.Software(null));

        Assert.Contains("--dremio-url is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dremio_url_with_credentials_is_refused_without_echoing_them()
    {
        var error = Assert.Throws<LakehouseException>(
            () => DremioEndpoint.Software("https://admin:hunter2secret@dremio.example.com:9047"));

        Assert.Contains("must not contain a user name or password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:19121", "http://127.0.0.1:19121/v0/projects/48ca6975-39ad-47cb-9bb5-de73060380f6/")]
    [InlineData("https://private.example.com/v0/", "https://private.example.com/v0/projects/48ca6975-39ad-47cb-9bb5-de73060380f6/")]
    public void A_cloud_project_can_live_behind_another_api_root(string url, string expected)
    {
        var endpoint = DremioEndpoint.CloudAt(ProjectId.ToUpperInvariant(), url);

        Assert.Equal(expected, endpoint.BaseUri.ToString());
        Assert.Equal($"Dremio Cloud at {new Uri(url).Authority}", endpoint.Description);
        Assert.True(endpoint.SupportsRequestId);
    }
}
