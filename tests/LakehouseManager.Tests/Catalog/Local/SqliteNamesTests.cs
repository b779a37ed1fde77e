using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class SqliteNamesTests
{
    [Theory]
    [InlineData(new[] { "shop", "raw", "orders" }, "shop.raw.orders")]
    [InlineData(new[] { "a.b", "c" }, "a\\.b.c")]
    [InlineData(new[] { "a", "b.c" }, "a.b\\.c")]
    [InlineData(new[] { "back\\slash" }, "back\\\\slash")]
    public void A_key_maps_to_a_reversible_sqlite_name(string[] elements, string expected)
    {
        var key = ContentKey.Of(elements);

        var name = SqliteNames.ToSqliteName(key);

        Assert.Equal(expected, name);
        Assert.Equal(key, SqliteNames.TryParse(name));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("trailing\\")]
    [InlineData("bad\\escape")]
    public void A_name_that_is_no_mapped_key_parses_to_null(string name)
    {
        Assert.Null(SqliteNames.TryParse(name));
    }

    [Fact]
    public void Quoting_doubles_embedded_quotes()
    {
        Assert.Equal("\"say \"\"hi\"\".x\"", SqliteNames.Quote("say \"hi\".x"));
    }
}
