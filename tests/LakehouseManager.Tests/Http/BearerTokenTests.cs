using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Http;

public sealed class BearerTokenTests
{
    private const string Secret = "dremio-pat-Zq8xSECRET";

    [Fact]
    public void The_token_never_shows_in_its_string_form()
    {
        var token = new BearerToken(Secret);

        Assert.Equal("***", token.ToString());
        Assert.DoesNotContain(Secret, $"{token}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_is_masked_in_text_that_contains_it()
    {
        var token = new BearerToken(Secret);

        Assert.Equal("bad token *** given", token.Redact($"bad token {Secret} given"));
    }

    [Fact]
    public void A_trailing_newline_from_a_file_is_ignored()
    {
        var token = new BearerToken(Secret + "\n");

        Assert.Equal("Bearer " + Secret, token.ToAuthorizationHeader().ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_token_is_refused_with_where_to_set_it(string? value)
    {
        var error = Assert.Throws<LakehouseException>(() => new BearerToken(value));

        Assert.Contains("--dremio-pat", error.Message, StringComparison.Ordinal);
        Assert.Contains("DREMIO_PAT", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_with_inner_whitespace_is_refused_without_showing_it()
    {
        var error = Assert.Throws<LakehouseException>(() => new BearerToken("dremio-pat part2SECRET"));

        Assert.Contains("whitespace", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("part2SECRET", error.ToString(), StringComparison.Ordinal);
    }
}
