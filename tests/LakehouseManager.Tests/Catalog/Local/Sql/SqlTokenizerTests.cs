using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local.Sql;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local.Sql;

public sealed class SqlTokenizerTests
{
    [Theory]
    [InlineData("SELECT a.b FROM shop.\"my view\" -- c.d\nWHERE x = 'it''s.here' /* e.f */")]
    [InlineData("select `x`.[y z] from t where a->>'$.b' <> 1.5e+3 and c != ?1 || :p")]
    [InlineData("/* open comment runs to the end . . .")]
    [InlineData("  \t\r\n")]
    public void Tokens_cover_the_text_exactly(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);

        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void Strings_comments_and_quoted_identifiers_are_single_tokens_with_their_dots_inside()
    {
        var tokens = SqlTokenizer.Tokenize("'a.b' \"c.d\" -- e.f\n/* g.h */ `i.j` [k.l]")
            .Where(t => t.Kind != SqlTokenKind.Whitespace)
            .ToList();

        Assert.Equal(
            [SqlTokenKind.String, SqlTokenKind.QuotedIdentifier, SqlTokenKind.Comment, SqlTokenKind.Comment,
             SqlTokenKind.QuotedIdentifier, SqlTokenKind.QuotedIdentifier],
            tokens.Select(t => t.Kind));
        Assert.Equal(["a.b", "c.d", "-- e.f", "/* g.h */", "i.j", "k.l"], tokens.Select(t => t.Value));
    }

    [Fact]
    public void Doubled_quotes_stand_for_one_quote_in_the_value()
    {
        var tokens = SqlTokenizer.Tokenize("'it''s' \"say \"\"hi\"\"\"");

        Assert.Equal("it's", tokens[0].Value);
        Assert.Equal("say \"hi\"", tokens[2].Value);
        Assert.Equal("\"say \"\"hi\"\"\"", tokens[2].Text);
    }

    [Fact]
    public void Words_symbols_numbers_and_parameters_are_told_apart()
    {
        var tokens = SqlTokenizer.Tokenize("a.b>=1.5 ->> 0x1F 1234abcd ?2 :name @p $q é_ß")
            .Where(t => t.Kind != SqlTokenKind.Whitespace)
            .Select(t => (t.Kind, t.Text))
            .ToList();

        Assert.Equal(
            [
                (SqlTokenKind.Word, "a"), (SqlTokenKind.Symbol, "."), (SqlTokenKind.Word, "b"), (SqlTokenKind.Symbol, ">="),
                (SqlTokenKind.Number, "1.5"), (SqlTokenKind.Symbol, "->>"), (SqlTokenKind.Number, "0x1F"),
                (SqlTokenKind.Number, "1234abcd"), (SqlTokenKind.Parameter, "?2"), (SqlTokenKind.Parameter, ":name"),
                (SqlTokenKind.Parameter, "@p"), (SqlTokenKind.Parameter, "$q"), (SqlTokenKind.Word, "é_ß"),
            ],
            tokens);
    }

    [Fact]
    public void A_dot_after_a_name_is_a_separator_not_the_start_of_a_number()
    {
        var tokens = SqlTokenizer.Tokenize("t.5 .5").Select(t => (t.Kind, t.Text)).ToList();

        Assert.Equal(
            [(SqlTokenKind.Word, "t"), (SqlTokenKind.Symbol, "."), (SqlTokenKind.Number, "5"), (SqlTokenKind.Whitespace, " "),
             (SqlTokenKind.Number, ".5")],
            tokens);
    }

    [Theory]
    [InlineData("SELECT 'abc", "line 1, column 8", "string literal")]
    [InlineData("SELECT\n  \"abc", "line 2, column 3", "quoted identifier")]
    public void An_unclosed_quote_is_an_error_naming_its_position(string sql, string position, string what)
    {
        var error = Assert.Throws<CatalogException>(() => SqlTokenizer.Tokenize(sql));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains(position, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }
}
