namespace LakehouseManager.DataTests;

/// <summary>The results of running a tests file against a branch, with the counts the reports show.</summary>
/// <param name="Source">The tests file name.</param>
/// <param name="Branch">The catalog branch the tests ran against.</param>
/// <param name="Engine">The engine's description (<see cref="IQueryEngine.Description"/>).</param>
/// <param name="StartedAt">When the run started (from the runner's <see cref="TimeProvider"/>).</param>
/// <param name="Duration">Wall-clock time of the whole run (tests run in parallel, so less than the sum).</param>
/// <param name="Results">One result per test of the file, in file order, skipped ones included.</param>
public sealed record DataTestRun(
    string Source,
    string Branch,
    string Engine,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<DataTestResult> Results)
{
    /// <summary>The catalog commit the tests were pinned to (the reviewed state), or null when they ran at the branch's head.</summary>
    public string? CatalogCommit { get; init; }

    public int Total => Results.Count;

    public int Passed => Count(r => r.Status == DataTestStatus.Passed);

    /// <summary>Error-severity tests whose expectation did not hold.</summary>
    public int Failed => Count(r => r.FailsRun && r.Status == DataTestStatus.Failed);

    /// <summary>Error-severity tests that could not be judged (query failed, timed out, column missing).</summary>
    public int Errors => Count(r => r.FailsRun && r.Status == DataTestStatus.Error);

    /// <summary>Warn-severity tests that failed or errored.</summary>
    public int Warnings => Count(r => r.IsWarning);

    public int Skipped => Count(r => r.Status == DataTestStatus.Skipped);

    /// <summary>True when an error-severity test failed or errored; warnings never fail a run.</summary>
    public bool IsFailed => Results.Any(r => r.FailsRun);

    private int Count(Func<DataTestResult, bool> predicate) => Results.Count(predicate);
}
