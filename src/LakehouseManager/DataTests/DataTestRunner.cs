using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Sql;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests;

/// <summary>
/// Runs a tests file against a catalog branch through an <see cref="IQueryEngine"/>: a bounded number of queries at a
/// time, each under its timeout, every test to a result whatever the others do.
/// </summary>
/// <remarks>
/// Only a single read-only query reaches the engine (<see cref="ReadOnlyQuery"/>): the tests file comes from the pull
/// request's branch and the engine runs with the bot's credentials, so any other statement is the test's error and is
/// never sent, whatever the engine would do with it. The SQL checked is the SQL that would run, after <c>{branch}</c>.
/// A failing or erroring test never stops the others: a query the engine rejects, a timeout, a missing column and any
/// non-fatal exception become an error result. Only the caller's cancellation and a fatal
/// <see cref="LakehouseException"/> (bad credentials, an unreachable engine: every other test would fail the same way)
/// stop the run, and they are thrown.
/// </remarks>
internal sealed class DataTestRunner
{
    private readonly IQueryEngine _engine;
    private readonly DataTestRunnerOptions _options;
    private readonly TimeProvider _time;

    public DataTestRunner(IQueryEngine engine, DataTestRunnerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _options = options ?? new DataTestRunnerOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Runs the selected tests of the suite on the branch. Unselected tests and tests marked <c>skip</c> are reported as
    /// skipped, so every test of the file has a result, in file order.
    /// </summary>
    /// <exception cref="LakehouseException">The selection names a test or a tag the suite does not have.</exception>
    public async Task<DataTestRun> RunAsync(
        DataTestSuite suite,
        QueryVersion version,
        DataTestSelection? selection = null,
        IProgress<DataTestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(version);
        var branch = version.Branch;
        ArgumentException.ThrowIfNullOrEmpty(branch);
        selection ??= DataTestSelection.All;
        var selected = selection.Select(suite);

        var startedAt = _time.GetUtcNow();
        var start = _time.GetTimestamp();
        var results = new DataTestResult[suite.Tests.Count];
        var toRun = new List<int>();
        for (var i = 0; i < suite.Tests.Count; i++)
        {
            var test = suite.Tests[i];
            if (!selected.Contains(test))
            {
                results[i] = Skipped(test, branch, $"not selected (selection: {selection})");
            }
            else if (test.SkipReason is { } reason)
            {
                results[i] = Skipped(test, branch, $"skipped: {reason}");
            }
            else
            {
                toRun.Add(i);
            }
        }

        var completed = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(toRun, parallel, async (i, token) =>
        {
            var test = suite.Tests[i];
            progress?.Report(new DataTestProgress(
                DataTestProgressKind.Started, test, Volatile.Read(ref completed), toRun.Count));
            var result = await RunOneAsync(test, version, token).ConfigureAwait(false);
            results[i] = result;
            progress?.Report(new DataTestProgress(
                DataTestProgressKind.Finished, test, Interlocked.Increment(ref completed), toRun.Count, result));
        }).ConfigureAwait(false);

        return new DataTestRun(suite.Source, branch, _engine.Description, startedAt, _time.GetElapsedTime(start), results)
        {
            CatalogCommit = version.CommitHash,
        };
    }

    private async Task<DataTestResult> RunOneAsync(DataTest test, QueryVersion version, CancellationToken cancellationToken)
    {
        var sql = test.SqlFor(version.Branch);
        var start = _time.GetTimestamp();
        var evaluation = ReadOnlyQuery.Refusal(sql) is { } refusal
            ? DataTestEvaluation.Error(DataTestErrorKind.NotAQuery, $"test '{test.Name}' was not run: {refusal}")
            : await EvaluateAsync(test, sql, version, cancellationToken).ConfigureAwait(false);

        return new DataTestResult
        {
            Test = test,
            Status = evaluation.Status,
            Sql = sql,
            Duration = _time.GetElapsedTime(start),
            Message = evaluation.Message,
            Expected = evaluation.Expected,
            Observed = evaluation.Observed,
            Rows = evaluation.Rows,
            ErrorKind = evaluation.ErrorKind,
        };
    }

    private async Task<DataTestEvaluation> EvaluateAsync(
        DataTest test, string sql, QueryVersion version, CancellationToken cancellationToken)
    {
        var timeout = test.Timeout ?? _options.DefaultTimeout;

        // The timeout cancels the token the engine holds, and the engine cancels the remote job: a hung query stops
        // costing warehouse time instead of being merely abandoned.
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        DataTestEvaluation evaluation;
        try
        {
            var cursor = await _engine.ExecuteAsync(sql, version, linked.Token).ConfigureAwait(false);
            await using (cursor.ConfigureAwait(false))
            {
                evaluation = await test.Expectation.EvaluateAsync(cursor, linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsTestError(e, cancellationToken))
        {
            // Whatever the engine throws once the timeout fired (cancelled, or a job reported CANCELED) is the timeout.
            evaluation = timeoutSource.IsCancellationRequested
                ? DataTestEvaluation.Error(DataTestErrorKind.TimedOut,
                    $"timed out after {DurationText.Format(timeout)} and was cancelled")
                : e switch
                {
                    QueryFailedException => DataTestEvaluation.Error(DataTestErrorKind.QueryFailed, e.Message),
                    LakehouseException => DataTestEvaluation.Error(DataTestErrorKind.Exception, e.Message),
                    _ => DataTestEvaluation.Error(DataTestErrorKind.Exception, $"the query failed unexpectedly: {e.Message}"),
                };
        }

        return evaluation;
    }

    /// <summary>Everything but the caller's cancellation and a fatal error is this test's error, not the run's.</summary>
    private static bool IsTestError(Exception e, CancellationToken runToken) =>
        !runToken.IsCancellationRequested && e is not LakehouseException { IsFatal: true };

    private static DataTestResult Skipped(DataTest test, string branch, string reason) => new()
    {
        Test = test,
        Status = DataTestStatus.Skipped,
        Sql = test.SqlFor(branch),
        Duration = TimeSpan.Zero,
        Message = reason,
    };
}
