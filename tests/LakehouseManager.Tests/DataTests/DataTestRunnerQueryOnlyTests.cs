using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Reports;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

/// <summary>
/// A tests file comes from the pull request's branch, so whoever can push there writes its SQL: the runner sends the
/// engine one read-only query per test and nothing else.
/// </summary>
public sealed class DataTestRunnerQueryOnlyTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "DROP VIEW shop.sales.orders", "this one starts with DROP" },
        { "insert into t values (1)", "this one starts with INSERT" },
        { "MERGE BRANCH dev INTO main IN lake", "this one starts with MERGE" },
        { "  -- a comment\n/* another */ DELETE FROM t", "this one starts with DELETE" },
        { "/* SELECT */ CREATE VIEW v AS SELECT 1", "this one starts with CREATE" },
        { "-- SELECT\rDROP TABLE t", "this one starts with DROP" },
        { "SELECT 1; DROP VIEW v", "a second statement after ';'" },
        { "SELECT 1;\nDROP VIEW v;", "a second statement after ';'" },
        { "SELECT ';' AS a; DROP VIEW v", "a second statement after ';'" },
        { "SELECT \"a;\" FROM t; ALTER BRANCH dev ASSIGN BRANCH main", "a second statement after ';'" },
        { "SELECT 1 -- x\r; DROP VIEW v", "a second statement after ';'" },
        { "SELECT 'it''s'; DROP VIEW v", "a second statement after ';'" },
        { "SELECT 'a\\'; DROP VIEW v; --'", "a second statement after ';'" },
        { "SELECT 'a\\''; DROP VIEW v; --'", "a second statement after ';': DROP (when a backslash escapes a quote, as some engines read it)" },
        { "SELECT `'`; DROP VIEW v; SELECT `'`", "a second statement after ';'" },
        { "/* /* */ SELECT 1 */ DROP VIEW v", "this one starts with DROP" },
        { "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "after its WITH clause comes INSERT" },
        { "(DELETE FROM t)", "this one starts with DELETE" },
        { "", "this one is empty" },
        { " -- nothing but a comment\n", "this one is empty" },
        { "SELECT 'never closed", "is never closed" },
    };

    public static TheoryData<string> Accepted => new()
    {
        "SELECT 1",
        "select 1;",
        "-- orders with no customer\n/* see TICKET-12 */\nSELECT * FROM t WHERE c IS NULL;\n-- the end\n",
        "WITH a AS (SELECT 1 AS n), \"b c\" (n) AS (SELECT n FROM a) SELECT * FROM \"b c\"",
        "WITH RECURSIVE r AS (SELECT 1) (SELECT * FROM r)",
        "VALUES (1), (2)",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "SELECT 'DROP VIEW v; --' AS note, \"delete\" FROM t WHERE x = ';'",
        "SELECT 'it''s', 'a\\b' FROM t",
        "SELECT a[1] FROM t -- don't; really\n",
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Refused))]
    public async Task A_statement_that_is_not_one_query_is_an_error_and_never_reaches_the_engine(string sql, string why)
    {
        // Arrange
        var engine = new InMemoryQueryEngine().Returns(sql, ["n"]);

        // Act
        var run = await new DataTestRunner(engine).RunAsync(Suite(sql), QueryVersion.AtHead("dev"));

        // Assert
        var result = Assert.Single(run.Results);
        Assert.Equal(DataTestStatus.Error, result.Status);
        Assert.StartsWith("test 'sneaky' was not run: a data test runs one query (SELECT, WITH or VALUES); ", result.Message, StringComparison.Ordinal);
        Assert.Contains(why, result.Message, StringComparison.Ordinal);
        Assert.Equal(DataTestErrorKind.NotAQuery, result.ErrorKind);
        Assert.Contains("type=\"not_a_query\"", JUnitReport.Render(run), StringComparison.Ordinal);
        Assert.Empty(engine.Executed);
        Assert.True(run.IsFailed);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Accepted))]
    public async Task A_single_read_only_query_runs_whatever_its_comments_and_literals_hold(string sql)
    {
        var engine = new InMemoryQueryEngine().Returns(sql, ["n"]);

        var run = await new DataTestRunner(engine).RunAsync(Suite(sql), QueryVersion.AtHead("dev"));

        Assert.Equal(DataTestStatus.Passed, Assert.Single(run.Results).Status);
        Assert.Equal([(sql, "dev")], engine.Executed);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_check_applies_to_the_sql_after_the_branch_is_substituted()
    {
        // A git branch name may hold quotes and semicolons; substituted into a quoted literal, it must not end it.
        const string Branch = "dev';DELETE/**/FROM/**/t;--";
        var engine = new InMemoryQueryEngine();

        var run = await new DataTestRunner(engine).RunAsync(Suite("SELECT * FROM t AT BRANCH '{branch}'"), QueryVersion.AtHead(Branch));

        var result = Assert.Single(run.Results);
        Assert.Equal(DataTestStatus.Error, result.Status);
        Assert.Contains("a second statement after ';'", result.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT * FROM t AT BRANCH 'dev';DELETE/**/FROM/**/t;--'", result.Sql);
        Assert.Empty(engine.Executed);
    }

    private static DataTestSuite Suite(string sql) =>
        new("tests.yaml", DataTestFormat.Yaml, [new DataTest { Name = "sneaky", Sql = sql, Expectation = new NoRowsExpectation(), Line = 3 }]);
}
