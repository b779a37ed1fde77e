using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class DataTestRunnerTests
{
    private static readonly TimeSpan s_testTimeout = TimeSpan.FromSeconds(10);

    private static DataTestSuite Suite(string yaml) => DataTestFileParser.Parse(yaml, "tests.yaml");

    private static DataTestSuite ManyTests(int count) => Suite(
        "tests:\n" + string.Concat(Enumerable.Range(1, count).Select(i =>
            $"  - {{ name: t{i}, sql: SELECT {i}, expect: {{ no_rows: true }} }}\n")));

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task The_number_of_queries_at_once_never_exceeds_the_bound(int bound)
    {
        // Arrange: every query waits at a gate that opens only once `bound` queries are running together, so the
        // test also proves the runner does use its parallelism.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        InMemoryQueryEngine engine = null!;
        engine = new InMemoryQueryEngine
        {
            BeforeQuery = async (_, token) =>
            {
                if (engine.Running >= bound)
                {
                    gate.TrySetResult();
                }

                await gate.Task.WaitAsync(s_testTimeout, token);
            },
        };
        for (var i = 1; i <= 12; i++)
        {
            engine.Returns($"SELECT {i}", ["id"]);
        }

        var options = bound == 4 ? new DataTestRunnerOptions() : new DataTestRunnerOptions { MaxParallelism = bound };
        var runner = new DataTestRunner(engine, options);

        // Act
        var run = await runner.RunAsync(ManyTests(12), QueryVersion.AtHead("dev"));

        // Assert
        Assert.Equal(bound, engine.MaxRunning);
        Assert.Equal(12, engine.Executed.Count);
        Assert.All(run.Results, r => Assert.Equal(DataTestStatus.Passed, r.Status));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_past_its_timeout_is_cancelled_on_the_engine_and_reported_as_an_error()
    {
        // Arrange
        var clock = TestClock.Create();
        var stuckStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new InMemoryQueryEngine()
            .Hangs("SELECT stuck", stuckStarted)
            .Hangs("SELECT slow", slowStarted)
            .Returns("SELECT quick", ["id"]);
        var suite = Suite("""
            tests:
              - { name: stuck, sql: SELECT stuck, expect: { no_rows: true }, timeout: 10s }
              - { name: slow, sql: SELECT slow, expect: { no_rows: true } }
              - { name: quick, sql: SELECT quick, expect: { no_rows: true } }
            """);
        var runner = new DataTestRunner(engine, new DataTestRunnerOptions { DefaultTimeout = TimeSpan.FromMinutes(1) }, clock);

        var stuckFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new CollectingProgress(p =>
        {
            if (p is { Kind: DataTestProgressKind.Finished, Test.Name: "stuck" })
            {
                stuckFinished.TrySetResult();
            }
        });

        // Act
        var running = runner.RunAsync(suite, QueryVersion.AtHead("dev"), progress: progress);
        await Task.WhenAll(stuckStarted.Task, slowStarted.Task).WaitAsync(s_testTimeout);
        clock.Advance(TimeSpan.FromSeconds(10));
        await stuckFinished.Task.WaitAsync(s_testTimeout);
        Assert.Equal(["SELECT stuck"], engine.Cancelled);
        clock.Advance(TimeSpan.FromSeconds(50));
        var run = await running.WaitAsync(s_testTimeout);

        // Assert
        var stuck = run.Results[0];
        Assert.Equal(DataTestStatus.Error, stuck.Status);
        Assert.Equal(DataTestErrorKind.TimedOut, stuck.ErrorKind);
        Assert.Equal("timed out after 10s and was cancelled", stuck.Message);
        Assert.Equal(TimeSpan.FromSeconds(10), stuck.Duration);
        Assert.Equal("timed out after 1m and was cancelled", run.Results[1].Message);
        Assert.Equal(TimeSpan.FromMinutes(1), run.Results[1].Duration);
        Assert.Equal(DataTestStatus.Passed, run.Results[2].Status);
        Assert.Equal(["SELECT slow", "SELECT stuck"], engine.Cancelled.Order());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_real_short_timeout_cancels_a_hung_query()
    {
        // Arrange
        var engine = new InMemoryQueryEngine().Hangs("SELECT 1");
        var suite = Suite("tests:\n  - { name: hung, sql: SELECT 1, expect: { no_rows: true }, timeout: 50ms }\n");

        // Act
        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev")).WaitAsync(s_testTimeout);

        // Assert
        Assert.Equal("timed out after 50ms and was cancelled", run.Results[0].Message);
        Assert.Equal(["SELECT 1"], engine.Cancelled);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_failing_or_erroring_test_does_not_stop_the_others()
    {
        // Arrange
        var engine = new InMemoryQueryEngine()
            .Fails("SELECT broken", "VALIDATION ERROR: Object 'orderz' not found within 'shop.sales'")
            .Throws("SELECT network", new HttpRequestException("Connection reset by peer"))
            .Returns("SELECT bad_rows", ["id"], [1L])
            .Returns("SELECT wrong_column", ["amount"], [1L])
            .Returns("SELECT fine", ["id"]);
        var suite = Suite("""
            tests:
              - { name: broken, sql: SELECT broken, expect: { no_rows: true } }
              - { name: network, sql: SELECT network, expect: { no_rows: true } }
              - { name: bad_rows, sql: SELECT bad_rows, expect: { no_rows: true } }
              - { name: wrong_column, sql: SELECT wrong_column, expect: { scalar: { column: total, equals: 1 } } }
              - { name: fine, sql: SELECT fine, expect: { no_rows: true } }
            """);

        // Act
        var run = await new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"));

        // Assert
        Assert.Equal(
            [
                (DataTestStatus.Error, "VALIDATION ERROR: Object 'orderz' not found within 'shop.sales'"),
                (DataTestStatus.Error, "the query failed unexpectedly: Connection reset by peer"),
                (DataTestStatus.Failed, "1 row returned, expected none"),
                (DataTestStatus.Error, "column 'total' not found; the query returned: amount"),
                (DataTestStatus.Passed, "no failing rows"),
            ],
            run.Results.Select(r => (r.Status, r.Message)));
        Assert.Equal(
            [DataTestErrorKind.QueryFailed, DataTestErrorKind.Exception, null, DataTestErrorKind.UnexpectedResult, null],
            run.Results.Select(r => r.ErrorKind));
        Assert.Equal((1, 3, 1), (run.Failed, run.Errors, run.Passed));
        Assert.True(run.IsFailed);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_fatal_error_stops_the_run()
    {
        var engine = new InMemoryQueryEngine().Throws("SELECT 1", new LakehouseException("Dremio rejected the token (401)."));
        var suite = Suite("tests:\n  - { name: a, sql: SELECT 1, expect: { no_rows: true } }\n");

        var error = await Assert.ThrowsAsync<LakehouseException>(() => new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev")));

        Assert.Equal("Dremio rejected the token (401).", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_the_run_throws_instead_of_reporting_timeouts()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new InMemoryQueryEngine().Hangs("SELECT 1", started);
        var suite = Suite("tests:\n  - { name: a, sql: SELECT 1, expect: { no_rows: true } }\n");
        using var cancel = new CancellationTokenSource();

        var running = new DataTestRunner(engine).RunAsync(suite, QueryVersion.AtHead("dev"), cancellationToken: cancel.Token);
        await started.Task.WaitAsync(s_testTimeout);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(s_testTimeout));
        Assert.Equal(["SELECT 1"], engine.Cancelled);
    }

    [Fact(Timeout = 60_000)]
    public async Task Durations_come_from_the_injected_clock()
    {
        var clock = TestClock.Create();
        var engine = new InMemoryQueryEngine(clock)
            .Returns("SELECT 1", TimeSpan.FromMilliseconds(1200), ["id"])
            .Fails("SELECT 2", "boom", TimeSpan.FromSeconds(3));
        var suite = Suite("tests:\n  - { name: a, sql: SELECT 1, expect: { no_rows: true } }\n  - { name: b, sql: SELECT 2, expect: { no_rows: true } }\n");

        var run = await new DataTestRunner(engine, new DataTestRunnerOptions { MaxParallelism = 1 }, clock).RunAsync(suite, QueryVersion.AtHead("dev"));

        Assert.Equal([TimeSpan.FromMilliseconds(1200), TimeSpan.FromSeconds(3)], run.Results.Select(r => r.Duration));
        Assert.Equal(TimeSpan.FromMilliseconds(4200), run.Duration);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMilliseconds(4200), run.StartedAt);
    }
}
