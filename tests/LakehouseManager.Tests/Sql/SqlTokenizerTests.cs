using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Sql;
using Xunit;

namespace LakehouseManager.Tests.Sql;

public sealed class SqlTokenizerTests
{
    [Theory]
    [InlineData("SELECT a.b FROM shop.\"my view\" -- c.d\nWHERE x = 'it''s.here' /* e.f */")]
    [InlineData("select `x`.[y z] from t where a->>'$.b' <> 1.5e+3 and c != ?1 || :p")]
    [InlineData("/* open comment runs to the end . . .")]
    [InlineData("  \t\r\n")]
    public void Tokens_cover_the_text_exactly(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql).Tokens;

        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void Strings_comments_and_quoted_identifiers_are_single_tokens_with_their_dots_inside()
    {
        var tokens = SqlTokenizer.Tokenize("'a.b' \"c.d\" -- e.f\n/* g.h */ `i.j` [k.l]").Tokens
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
        var tokens = SqlTokenizer.Tokenize("'it''s' \"say \"\"hi\"\"\"").Tokens;

        Assert.Equal("it's", tokens[0].Value);
        Assert.Equal("say \"hi\"", tokens[2].Value);
        Assert.Equal("\"say \"\"hi\"\"\"", tokens[2].Text);
    }

    [Fact]
    public void Words_symbols_numbers_and_parameters_are_told_apart()
    {
        var tokens = SqlTokenizer.Tokenize("a.b>=1.5 ->> 0x1F 1234abcd ?2 :name @p $q é_ß").Tokens
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
        var tokens = SqlTokenizer.Tokenize("t.5 .5").Tokens.Select(t => (t.Kind, t.Text)).ToList();

        Assert.Equal(
            [(SqlTokenKind.Word, "t"), (SqlTokenKind.Symbol, "."), (SqlTokenKind.Number, "5"), (SqlTokenKind.Whitespace, " "),
             (SqlTokenKind.Number, ".5")],
            tokens);
    }

    [Theory]
    [InlineData("SELECT 'abc", "line 1, column 8", "string literal")]
    [InlineData("SELECT\n  \"abc", "line 2, column 3", "quoted identifier")]
    public void An_unclosed_quote_in_a_catalog_statement_is_an_error_naming_its_position(string sql, string position, string what)
    {
        var error = Assert.Throws<CatalogException>(() => ParsedSql.Parse(sql));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains(position, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 'abc", "String", 7)]
    [InlineData("SELECT \"a", "QuotedIdentifier", 7)]
    [InlineData("SELECT 1 /* open", "Comment", 9)]
    public void A_quote_or_comment_left_open_is_reported_with_where_it_starts(string sql, string kind, int start)
    {
        var tokenization = SqlTokenizer.Tokenize(sql);

        Assert.Equal(Enum.Parse<SqlLexErrorKind>(kind), tokenization.Error?.Kind);
        Assert.Equal(start, tokenization.Error?.Start);
    }

    [Theory]
    [InlineData("[a;b]", 0, "[|a|;|b|]")]
    [InlineData("[a;b]", 2, "[a;b]")]
    [InlineData("'a\\';' x", 0, "'a\\'|;")]
    [InlineData("'a\\';' x", 1, "'a\\';'|x")]
    [InlineData("/* /* */ x */", 0, "/* /* */|x|*|/")]
    [InlineData("/* /* */ x */", 4, "/* /* */ x */")]
    [InlineData("--a\rb", 0, "--a|b")]
    [InlineData("--a\rb", 8, "--a\rb")]
    public void The_lexicon_decides_how_quotes_and_comments_read(string sql, int bits, string expected)
    {
        var lexicon = new SqlLexicon((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);

        var tokens = SqlTokenizer.Tokenize(sql, lexicon).Tokens
            .Where(t => t.Kind != SqlTokenKind.Whitespace)
            .Select(t => t.Text);

        Assert.Equal(expected, string.Join('|', tokens));
    }
}
