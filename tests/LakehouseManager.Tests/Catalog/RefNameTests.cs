using LakehouseManager.Catalog;
using Xunit;

namespace LakehouseManager.Tests.Catalog;

public sealed class RefNameTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("feature/x-1")]
    [InlineData("release_2.0")]
    public void Nessie_and_git_compatible_names_are_valid(string name)
    {
        Assert.Null(RefName.Validate(name));
        Assert.Equal(name, RefName.Require(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a..b")]
    [InlineData("ends.")]
    [InlineData("ends/")]
    [InlineData("HEAD")]
    [InlineData("detached")]
    [InlineData("deadbeef")]
    [InlineData("x.lock")]
    [InlineData("a//b")]
    [InlineData("a/.b")]
    public void Invalid_names_are_rejected_naming_the_name(string name)
    {
        var error = Assert.Throws<CatalogException>(() => RefName.Require(name));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123abcd", true)]
    [InlineData("0123abc", false)]
    [InlineData("0123abcz", false)]
    public void A_hash_has_8_to_64_hex_digits(string text, bool isHash)
    {
        Assert.Equal(isHash, RefName.IsHash(text));
    }
}
