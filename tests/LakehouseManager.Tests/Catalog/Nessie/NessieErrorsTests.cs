using System.Net;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The mapping of Nessie's error answers (api-facts A.6) to catalog error kinds, as pure functions.</summary>
public sealed class NessieErrorsTests
{
    [Theory]
    [InlineData("REFERENCE_NOT_FOUND", 404, "NotFound")]
    [InlineData("CONTENT_NOT_FOUND", 404, "NotFound")]
    [InlineData("NAMESPACE_NOT_FOUND", 404, "NotFound")]
    [InlineData("REFERENCE_ALREADY_EXISTS", 409, "AlreadyExists")]
    [InlineData("NAMESPACE_ALREADY_EXISTS", 409, "AlreadyExists")]
    [InlineData("REFERENCE_CONFLICT", 409, "Conflict")]
    [InlineData("NAMESPACE_NOT_EMPTY", 409, "Conflict")]
    [InlineData("BAD_REQUEST", 400, "BadRequest")]
    [InlineData("UNSUPPORTED_MEDIA_TYPE", 415, "BadRequest")]
    [InlineData("FORBIDDEN", 403, "Forbidden")]
    [InlineData("TOO_MANY_REQUESTS", 429, "TooManyRequests")]
    [InlineData("SERVICE_UNAVAILABLE", 503, "Unavailable")]
    [InlineData("UNKNOWN", 500, "Unavailable")]
    [InlineData("UNKNOWN", 404, "NotFound")]
    [InlineData("SOMETHING_NEW", 409, "Conflict")]
    public void The_error_code_decides_the_kind_and_the_status_decides_for_unknown_codes(string code, int status, string kind)
    {
        var body = $$"""{"status":{{status}},"reason":"x","message":"m","errorCode":"{{code}}","serverStackTrace":null}""";

        var error = NessieErrors.FromResponse((HttpStatusCode)status, null, body, "Nessie at test", "reference 'dev'", null);

        Assert.Equal(Enum.Parse<CatalogErrorKind>(kind), error.Kind);
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(409, "Conflict")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "Unavailable")]
    [InlineData(502, "Unavailable")]
    [InlineData(400, "BadRequest")]
    public void Without_a_nessie_body_the_status_decides(int status, string kind)
    {
        var error = NessieErrors.FromResponse((HttpStatusCode)status, "Reason", "<html>gateway</html>", "Nessie at test",
            "reference 'dev'", null);

        Assert.Equal(Enum.Parse<CatalogErrorKind>(kind), error.Kind);
    }

    [Fact]
    public void A_401_says_what_to_do_and_names_the_call()
    {
        var error = NessieErrors.FromResponse(HttpStatusCode.Unauthorized, "Unauthorized", "", "Nessie at test", "reference 'dev'", null);

        Assert.Equal(
            "Nessie at test rejected the token (HTTP 401 Unauthorized) for reference 'dev': it is missing, invalid or " +
            "expired. Provide a valid personal access token with --dremio-pat or the DREMIO_PAT environment variable (a " +
            "Nessie server with a token of its own: --nessie-token or NESSIE_TOKEN).",
            error.Message);
    }

    [Fact]
    public void Conflicts_in_the_error_details_are_listed_per_key_whichever_discriminator_name_is_used()
    {
        const string Body = """
            {"status":409,"reason":"Conflict","message":"keys conflict","errorCode":"REFERENCE_CONFLICT",
             "errorDetails":{"type":"REFERENCE_CONFLICTS","conflicts":[
               {"conflictType":"VALUE_DIFFERS","key":{"elements":["a","b"]},"message":"values differ"},
               {"type":"KEY_EXISTS","key":{"elements":["c"]},"message":"key 'c' already exists"}]}}
            """;

        var error = NessieErrors.FromResponse(HttpStatusCode.Conflict, null, Body, "Nessie at test", "the merge of 'dev'", null);

        Assert.Equal(
            "Nessie at test reported a conflict for the merge of 'dev' (REFERENCE_CONFLICT, HTTP 409 Conflict): keys conflict. " +
            "Conflicts: VALUE_DIFFERS on a.b (values differ); KEY_EXISTS on c (key 'c' already exists).",
            error.Message);
    }

    [Fact]
    public void A_token_echoed_by_the_server_is_masked()
    {
        var token = new BearerToken("secret-pat-0123456789");
        const string Body = """{"status":403,"reason":"Forbidden","message":"token secret-pat-0123456789 may not","errorCode":"FORBIDDEN"}""";

        var error = NessieErrors.FromResponse(HttpStatusCode.Forbidden, null, Body, "Nessie at test", "reference 'dev'", token);

        Assert.DoesNotContain("secret-pat-0123456789", error.Message, StringComparison.Ordinal);
        Assert.Contains("token *** may not", error.Message, StringComparison.Ordinal);
    }
}
