using LakehouseManager.DataTests;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>What a data-test run produced. The caller fails when <see cref="IsFailed"/> (warnings never fail).</summary>
/// <param name="Run">The results, one per test of the file.</param>
/// <param name="TestsFile">Where the tests file was read from.</param>
/// <param name="Reports">The report files written.</param>
/// <param name="ConsoleReport">The console report (already logged).</param>
/// <param name="PostedComment">The comment posted on the pull request; null when no host was given.</param>
public sealed record RunDataTestsResult(
    DataTestRun Run,
    TestsFileSource TestsFile,
    DataTestReportFiles Reports,
    string ConsoleReport,
    PullRequestComment? PostedComment)
{
    /// <summary>An error-severity test failed or errored: the target must fail.</summary>
    public bool IsFailed => Run.IsFailed;

    /// <summary>One line for the caller's failure, e.g. "Data tests failed on 'dev': 1 failed, 2 errors (see ...)".</summary>
    public string Summary =>
        $"Data tests {(IsFailed ? "failed" : "passed")} on '{Run.Branch}': {Run.Failed} failed, {Run.Errors} errors, " +
        $"{Run.Warnings} warnings, {Run.Passed} passed, {Run.Skipped} skipped (report: {Reports.MarkdownPath}).";
}
