using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Sql;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local.Sql;

public sealed class SqlNameChainFinderTests
{
    [Fact]
    public void Dotted_chains_are_found_with_quoted_elements_and_spaces_around_dots()
    {
        var chains = Find("SELECT o.amount FROM shop.\"my view\" o JOIN \"shop\" . \"sales\".x ON 1");

        Assert.Equal(
            [["o", "amount"], ["shop", "my view"], ["o"], ["shop", "sales", "x"]],
            chains.Select(c => c.Elements));
        Assert.Equal([false, true, false, true], chains.Select(c => c.InTablePosition));
    }

    [Fact]
    public void Dots_in_strings_and_comments_are_not_chains()
    {
        var chains = Find("SELECT 'shop.raw.orders', x -- shop.raw.orders\n/* a.b */ FROM t");

        Assert.Equal([["x"], ["t"]], chains.Select(c => c.Elements));
    }

    [Fact]
    public void Tables_after_commas_of_a_from_list_are_in_table_position_but_not_in_the_select_list()
    {
        var chains = Find("SELECT a.x, b.y FROM s.a, s.b WHERE a.z IN (SELECT q FROM s.c, s.d) ORDER BY 1");

        var positions = chains.ToDictionary(c => string.Join('.', c.Elements), c => c.InTablePosition);
        Assert.False(positions["a.x"]);
        Assert.False(positions["b.y"]);
        Assert.False(positions["a.z"]);
        Assert.True(positions["s.a"]);
        Assert.True(positions["s.b"]);
        Assert.True(positions["s.c"]);
        Assert.True(positions["s.d"]);
    }

    [Fact]
    public void A_lone_keyword_is_not_a_chain()
    {
        var chains = Find("SELECT DISTINCT x FROM t WHERE y IS NOT NULL");

        Assert.Equal([["x"], ["t"], ["y"]], chains.Select(c => c.Elements));
    }

    [Theory]
    [InlineData("SELECT * FROM a.b AT BRANCH dev", "BRANCH", "dev", "AT BRANCH dev")]
    [InlineData("SELECT * FROM a.b at ref \"feature/x\" WHERE 1", "REF", "feature/x", "at ref \"feature/x\"")]
    [InlineData("SELECT * FROM a.b AT COMMIT \"0123abcd\"", "COMMIT", "0123abcd", "AT COMMIT \"0123abcd\"")]
    [InlineData("SELECT * FROM a.b AT main", null, "main", "AT main")]
    public void Dremio_version_clauses_after_a_table_are_read(string sql, string? kind, string value, string text)
    {
        var chain = Find(sql).Single(c => c.Elements.SequenceEqual(["a", "b"]));

        Assert.NotNull(chain.Version);
        Assert.Equal(kind, chain.Version!.Kind);
        Assert.Equal(value, chain.Version.Value);
        Assert.Equal(text, chain.Version.Text);
    }

    [Theory]
    [InlineData("SELECT at.id FROM a.b at WHERE at.id > 1")]
    [InlineData("SELECT * FROM a.b at ORDER BY 1")]
    [InlineData("SELECT * FROM a.b at LEFT JOIN c.d ON at.x = c.d.x")]
    [InlineData("SELECT * FROM a.b at")]
    public void An_alias_named_at_is_not_a_version_clause(string sql)
    {
        var chain = Find(sql).Single(c => c.Elements.SequenceEqual(["a", "b"]));

        Assert.Null(chain.Version);
    }

    [Fact]
    public void An_as_of_after_a_version_clause_is_noticed()
    {
        var chain = Find("SELECT * FROM a.b AT BRANCH dev AS OF '2024-01-01'").Single(c => c.Elements.Count == 2);

        Assert.True(chain.Version!.HasAsOf);
    }

    private static IReadOnlyList<SqlNameChain> Find(string sql) =>
        SqlNameChainFinder.Find(SqlTokenizer.Tokenize(sql).Tokens, sql);
}
