using LakehouseManager.Sql;
using Xunit;

namespace LakehouseManager.Tests.Sql;

public sealed class SqlScriptSplitterTests
{
    [Fact]
    public void Statements_end_at_semicolons_outside_quotes_and_comments_and_the_last_needs_none()
    {
        const string Script =
            "-- a script\n" +
            "CREATE VIEW \"a;b\".v AS SELECT 'x;''y' AS s; /* c; d */\n" +
            "SELECT `e;f`, [g;h] FROM t -- i;\n" +
            "  WHERE 1;\n" +
            "\n" +
            "DROP VIEW v";

        var (statements, error) = SqlScriptSplitter.Split(Script);

        Assert.Null(error);
        Assert.Equal(
            [
                "CREATE VIEW \"a;b\".v AS SELECT 'x;''y' AS s",
                "SELECT `e;f`, [g;h] FROM t -- i;\n  WHERE 1",
                "DROP VIEW v",
            ],
            statements.Select(s => s.Text));
        Assert.Equal([1, 2, 3], statements.Select(s => s.Number));
        Assert.Equal([2, 3, 6], statements.Select(s => s.Line));
    }

    [Theory]
    [InlineData(";;  ; -- only comments ;\n/* and ; */ ;")]
    [InlineData("")]
    [InlineData("  \n\t")]
    public void Empty_statements_are_skipped(string script)
    {
        var (statements, error) = SqlScriptSplitter.Split(script);

        Assert.Null(error);
        Assert.Empty(statements);
    }

    [Fact]
    public void A_trigger_body_keeps_its_semicolons_until_end()
    {
        const string Script =
            "CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  DELETE FROM c;\nEND;\nSELECT 1;";

        var (statements, _) = SqlScriptSplitter.Split(Script);

        Assert.Equal(
            ["CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  DELETE FROM c;\nEND", "SELECT 1"],
            statements.Select(s => s.Text));
    }

    [Theory]
    [InlineData("SELECT 1;\nSELECT 'open;\nSELECT 2;", "String", 17)]
    [InlineData("SELECT 1;\nSELECT \"open", "QuotedIdentifier", 17)]
    [InlineData("SELECT 1; /* never closed ; SELECT 2;", "Comment", 10)]
    public void A_quote_or_comment_left_open_is_reported_where_it_starts(string script, string kind, int start)
    {
        var (_, error) = SqlScriptSplitter.Split(script);

        Assert.Equal(Enum.Parse<SqlLexErrorKind>(kind), error?.Kind);
        Assert.Equal(start, error?.Start);
    }

    [Fact]
    public void The_first_line_of_a_statement_is_cut_for_messages()
    {
        var longLine = "CREATE VIEW a.v AS SELECT " + string.Join(", ", Enumerable.Range(0, 30).Select(i => $"c{i}"));

        var (statements, _) = SqlScriptSplitter.Split($"{longLine}\nFROM t;\nSELECT 1\r\nFROM u");

        Assert.Equal(80, statements[0].FirstLine.Length);
        Assert.EndsWith("…", statements[0].FirstLine, StringComparison.Ordinal);
        Assert.Equal("SELECT 1", statements[1].FirstLine);
    }
}
