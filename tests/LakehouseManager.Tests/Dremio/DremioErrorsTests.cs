using System.Net;
using LakehouseManager.Dremio;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioErrorsTests
{
    private const string Secret = "pat-Kq93LEAKCHECK";
    private static readonly Uri s_uri = new("https://api.dremio.cloud/v0/projects/p/job/42/results?offset=0&limit=900");
    private static readonly BearerToken s_token = new(Secret);

    [Fact]
    public void Dremios_error_message_and_more_info_are_quoted_with_the_status_and_call()
    {
        var error = DremioErrors.FromResponse(
            HttpStatusCode.BadRequest, "Bad Request", """{"errorMessage":"limit can not exceed 500 rows","moreInfo":"see docs"}""",
            "GET", s_uri, s_token);

        Assert.Equal(
            "Dremio answered GET https://api.dremio.cloud/v0/projects/p/job/42/results with HTTP 400 Bad Request: " +
            "limit can not exceed 500 rows (see docs)",
            error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("limit can not exceed 500 rows", error.ErrorMessage);
        Assert.False(error.IsFatal);
    }

    [Fact]
    public void A_401_says_the_token_is_invalid_without_showing_it()
    {
        var error = DremioErrors.FromResponse(
            HttpStatusCode.Unauthorized, "Unauthorized", $$"""{"errorMessage":"bad token {{Secret}}"}""", "POST", s_uri, s_token);

        Assert.Contains("rejected the personal access token (HTTP 401 Unauthorized)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--dremio-pat", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.True(error.IsFatal);
    }

    [Fact]
    public void A_403_says_the_token_lacks_permission_and_echoes_nothing_secret()
    {
        var error = DremioErrors.FromResponse(
            HttpStatusCode.Forbidden, "Forbidden", $$"""{"errorMessage":"User with token {{Secret}} may not read lake"}""",
            "POST", s_uri, s_token);

        Assert.Contains("lacks permission", error.Message, StringComparison.Ordinal);
        Assert.Contains("User with token *** may not read lake", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_dremios_json_is_quoted_shortened()
    {
        var html = "<html>" + new string('x', 1000) + "</html>";

        var error = DremioErrors.FromResponse(HttpStatusCode.BadGateway, "Bad Gateway", html, "GET", s_uri, s_token);

        Assert.StartsWith("Dremio answered GET https://api.dremio.cloud/v0/projects/p/job/42/results with HTTP 502 Bad Gateway: <html>xxx", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("...", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorMessage);
        Assert.True(error.IsFatal);
    }
}
