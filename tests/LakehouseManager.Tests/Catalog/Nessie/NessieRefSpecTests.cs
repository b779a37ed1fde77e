using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Reference path elements as <c>Util.toPathStringRef</c> writes them (api-facts A.3).</summary>
public sealed class NessieRefSpecTests
{
    private const string Hash = "2e1cfa82b035c26cbbbdae632cea070514eb8b773f616aaeaf668e2f0be8f10d";

    [Fact]
    public void A_name_alone_is_the_path_element()
    {
        Assert.Equal("main", NessieRefSpec.Head("main").PathElement);
    }

    [Fact]
    public void A_hash_follows_an_at_sign_which_is_url_encoded()
    {
        Assert.Equal($"main@{Hash}", NessieRefSpec.At("main", Hash).PathText);
        Assert.Equal($"main%40{Hash}", NessieRefSpec.At("main", Hash).PathElement);
        Assert.Equal($"%40{Hash}", NessieRefSpec.Detached(Hash).PathElement);
    }

    [Fact]
    public void A_name_with_a_slash_is_followed_by_an_at_sign_and_the_slash_is_encoded()
    {
        Assert.Equal("feature/x@", NessieRefSpec.Head("feature/x").PathText);
        Assert.Equal("feature%2Fx%40", NessieRefSpec.Head("feature/x").PathElement);
        Assert.Equal($"feature%2Fx%40{Hash}", NessieRefSpec.At("feature/x", Hash).PathElement);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("detached")]
    [InlineData("1abc")]
    [InlineData("a..b")]
    [InlineData("ends/")]
    [InlineData("deadbeef")]
    public void A_name_nessie_refuses_is_refused_before_any_call(string name)
    {
        var error = Assert.Throws<CatalogException>(() => NessieRefSpec.Head(name));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("starts with a letter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_git_refuses_but_nessie_accepts_is_accepted_by_the_nessie_client()
    {
        Assert.Equal("x.lock", NessieRefSpec.Head("x.lock").PathText);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("main")]
    [InlineData("~1")]
    public void A_hash_must_be_8_to_64_hex_digits(string hash)
    {
        var error = Assert.Throws<CatalogException>(() => NessieRefSpec.At("main", hash));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains("8 to 64 hexadecimal digits", error.Message, StringComparison.Ordinal);
    }
}
