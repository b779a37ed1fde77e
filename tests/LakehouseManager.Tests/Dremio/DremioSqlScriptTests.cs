using LakehouseManager.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>A script is cut into statements at the semicolons outside strings, quoted names and comments.</summary>
public sealed class DremioSqlScriptTests
{
    [Fact]
    public void Semicolons_in_strings_names_and_comments_do_not_end_a_statement()
    {
        const string Script = """
            CREATE BRANCH dev IN lakehouse;
            -- a comment; not a statement
            CREATE VIEW lakehouse."a;b".v AS SELECT 'x;y' AS "c;d" /* ; */ FROM t;

            MERGE BRANCH dev INTO main IN lakehouse
            """;

        var statements = DremioSqlScript.Split(Script);

        Assert.Equal(
            [
                "CREATE BRANCH dev IN lakehouse",
                "-- a comment; not a statement\nCREATE VIEW lakehouse.\"a;b\".v AS SELECT 'x;y' AS \"c;d\" /* ; */ FROM t",
                "MERGE BRANCH dev INTO main IN lakehouse",
            ],
            statements);
    }

    [Theory]
    [InlineData("SELECT 1;;  ; -- only a comment\n", 1)]
    [InlineData("SELECT 'it''s; fine'", 1)]
    [InlineData("/* nothing */ ;", 0)]
    public void Empty_statements_are_left_out_and_doubled_quotes_stay_inside(string script, int count)
    {
        Assert.Equal(count, DremioSqlScript.Split(script).Count);
    }

    [Theory]
    [InlineData("SELECT 'open", "string")]
    [InlineData("SELECT \"open", "quoted name")]
    [InlineData("SELECT 1 /* open", "comment")]
    public void An_unclosed_quote_or_comment_is_an_error_naming_it(string script, string what)
    {
        var error = Assert.Throws<LakehouseException>(() => DremioSqlScript.Split(script));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }
}
