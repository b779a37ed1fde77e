using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog;

public sealed class ContentKeyTests
{
    [Theory]
    [InlineData("shop.sales.orders_by_day", new[] { "shop", "sales", "orders_by_day" })]
    [InlineData("shop.\"my view\"", new[] { "shop", "my view" })]
    [InlineData("\"a.b\".\"say \"\"hi\"\"\"", new[] { "a.b", "say \"hi\"" })]
    public void A_sql_path_parses_into_elements_and_prints_back(string path, string[] elements)
    {
        var key = ContentKey.ParseSqlPath(path);

        Assert.Equal(elements, key.Elements);
        Assert.Equal(path, key.ToSqlPath());
        Assert.Equal(key, ContentKey.ParseSqlPath(key.ToString()));
    }

    [Theory]
    [InlineData("a..b", "expected a name element at position 3")]
    [InlineData("a.", "ends where a name element is expected")]
    [InlineData("\"open", "is not closed")]
    [InlineData("a\"b\"", "expected '.' at position 2")]
    public void A_bad_sql_path_names_the_text_and_the_position(string path, string expected)
    {
        var error = Assert.Throws<LakehouseException>(() => ContentKey.ParseSqlPath(path));

        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nessie_s_limits_are_enforced()
    {
        Assert.Contains("at most 20 elements", ContentKey.Validate(Enumerable.Repeat("a", 21).ToList()), StringComparison.Ordinal);
        Assert.Contains("at most 500 characters", ContentKey.Validate([new string('a', 501)]), StringComparison.Ordinal);
        Assert.Contains("control character U+0001", ContentKey.Validate(["a\u0001"]), StringComparison.Ordinal);
        Assert.Null(ContentKey.Validate(["a", "b"]));
    }

    [Fact]
    public void Keys_order_element_by_element()
    {
        var keys = new[] { ContentKey.Of("b"), ContentKey.Of("a", "b"), ContentKey.Of("a"), ContentKey.Of("a.b") };

        Assert.Equal(["a", "a.b", "\"a.b\"", "b"], keys.Order().Select(k => k.ToString()));
    }
}
