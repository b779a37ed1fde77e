using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class DataTestRunnerResultTests
{
    private static DataTestSuite Suite(string yaml) => DataTestFileParser.Parse(yaml, "tests.yaml");

    [Fact(Timeout = 60_000)]
    public async Task The_branch_is_substituted_in_the_sql_that_runs_and_is_reported()
    {
        var engine = new InMemoryQueryEngine().Returns("SELECT * FROM t AT BRANCH \"dev\" WHERE b = 'dev'", ["id"]);
        var suite = Suite("tests:\n  - { name: a, sql: 'SELECT * FROM t AT BRANCH \"{branch}\" WHERE b = ''{branch}''', expect: { no_rows: true } }\n");

        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"));

        Assert.Equal(DataTestStatus.Passed, run.Results[0].Status);
        Assert.Equal("SELECT * FROM t AT BRANCH \"dev\" WHERE b = 'dev'", run.Results[0].Sql);
        Assert.Equal([("SELECT * FROM t AT BRANCH \"dev\" WHERE b = 'dev'", "dev")], engine.Executed);
        Assert.Equal(("tests.yaml", "dev", "in-memory engine"), (run.Source, run.Branch, run.Engine));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_warning_is_counted_but_does_not_fail_the_run()
    {
        var engine = new InMemoryQueryEngine().Returns("SELECT 1", ["id"], [1L]).Fails("SELECT 2", "boom").Returns("SELECT 3", ["id"]);
        var suite = Suite("""
            tests:
              - { name: a, sql: SELECT 1, expect: { no_rows: true }, severity: warn }
              - { name: b, sql: SELECT 2, expect: { no_rows: true }, severity: warn }
              - { name: c, sql: SELECT 3, expect: { no_rows: true } }
            """);

        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"));

        Assert.False(run.IsFailed);
        Assert.Equal((2, 0, 0, 1), (run.Warnings, run.Failed, run.Errors, run.Passed));
        Assert.All(run.Results.Take(2), r => Assert.True(r.IsWarning));
    }

    [Fact(Timeout = 60_000)]
    public async Task Selection_by_name_and_tag_runs_only_those_and_reports_the_rest_as_skipped()
    {
        // Arrange
        var engine = new InMemoryQueryEngine().Returns("SELECT 1", ["id"]).Returns("SELECT 2", ["id"]).Returns("SELECT 3", ["id"]);
        var suite = Suite("""
            tests:
              - { name: orders, sql: SELECT 1, expect: { no_rows: true } }
              - { name: regions, sql: SELECT 2, expect: { no_rows: true }, tags: [nightly] }
              - { name: customers, sql: SELECT 3, expect: { no_rows: true } }
            """);

        // Act
        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"), DataTestSelection.Parse("Orders", "tag:NIGHTLY"));

        // Assert
        Assert.Equal(["SELECT 1", "SELECT 2"], engine.Executed.Select(e => e.Sql).Order());
        Assert.Equal(
            [DataTestStatus.Passed, DataTestStatus.Passed, DataTestStatus.Skipped],
            run.Results.Select(r => r.Status));
        Assert.Equal("not selected (selection: Orders tag:NIGHTLY)", run.Results[2].Message);
        Assert.Equal(1, run.Skipped);
        Assert.False(run.IsFailed);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_test_name_is_an_error_that_lists_the_tests()
    {
        var suite = Suite("tests:\n  - { name: orders, sql: SELECT 1, expect: { no_rows: true } }\n  - { name: regions, sql: SELECT 2, expect: { no_rows: true }, tags: [nightly] }\n");
        var engine = new InMemoryQueryEngine();

        var byName = await Assert.ThrowsAsync<LakehouseException>(
            () => new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"), DataTestSelection.Parse("order")));
        var byTag = await Assert.ThrowsAsync<LakehouseException>(
            () => new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"), DataTestSelection.Parse("tag:weekly")));

        Assert.Equal("Unknown data test 'order' in tests.yaml. Tests are: orders, regions. Select tags with 'tag:<tag>'.",
            byName.Message);
        Assert.Equal("No data test in tests.yaml has the tag 'weekly'. Tags are: nightly.", byTag.Message);
        Assert.Empty(engine.Executed);
    }

    [Fact]
    public void Errors_about_a_selection_name_where_it_was_given()
    {
        var suite = Suite("tests:\n  - { name: orders, sql: SELECT 1, expect: { no_rows: true }, tags: [nightly] }\n");

        var byName = Assert.Throws<LakehouseException>(() => DataTestSelection.Parse(["weekly"], "--tests").Select(suite));
        var byTag = Assert.Throws<LakehouseException>(() => DataTestSelection.Parse(["tag:weekly"], "--tests").Select(suite));
        var empty = Assert.Throws<LakehouseException>(() => DataTestSelection.Parse(["tag:"], "--tests"));

        Assert.Equal("Unknown data test 'weekly' (--tests) in tests.yaml. Tests are: orders. Select tags with 'tag:<tag>'.",
            byName.Message);
        Assert.Equal("No data test in tests.yaml has the tag 'weekly' (--tests). Tags are: nightly.", byTag.Message);
        Assert.Equal("'tag:' (--tests) needs a tag name, e.g. 'tag:nightly'.", empty.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_marked_skip_never_runs()
    {
        var engine = new InMemoryQueryEngine();
        var suite = Suite("tests:\n  - { name: a, sql: SELECT 1, expect: { no_rows: true }, skip: backfill running }\n");

        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"));

        Assert.Equal((DataTestStatus.Skipped, "skipped: backfill running"), (run.Results[0].Status, run.Results[0].Message));
        Assert.Empty(engine.Executed);
    }

    [Fact(Timeout = 60_000)]
    public async Task Progress_reports_each_test_starting_and_finishing()
    {
        var engine = new InMemoryQueryEngine().Returns("SELECT 1", ["id"]).Returns("SELECT 2", ["id"], [1L]);
        var suite = Suite("""
            tests:
              - { name: a, sql: SELECT 1, expect: { no_rows: true } }
              - { name: b, sql: SELECT 2, expect: { no_rows: true } }
              - { name: c, sql: SELECT 3, expect: { no_rows: true }, skip: later }
            """);
        var progress = new CollectingProgress();

        await new DataTestRunner(engine, new DataTestRunnerOptions { MaxParallelism = 1 }).RunAsync(suite, QueryVersion.AtHead("dev"), progress: progress);

        Assert.Equal(
            [
                (DataTestProgressKind.Started, "a", 0, 2, null),
                (DataTestProgressKind.Finished, "a", 1, 2, DataTestStatus.Passed),
                (DataTestProgressKind.Started, "b", 1, 2, null),
                (DataTestProgressKind.Finished, "b", 2, 2, (DataTestStatus?)DataTestStatus.Failed),
            ],
            progress.Reports.Select(p => (p.Kind, p.Test.Name, p.Completed, p.Total, p.Result?.Status)));
    }
}
