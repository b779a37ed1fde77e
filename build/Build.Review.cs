using LakehouseManager.Composition;
using LakehouseManager.DataTests;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.PullRequests;
using TargetRunner;

/// <summary>
/// The review targets: VerifyMirror, RunDataTests (what a reviewer's <c>!test</c> runs) and MergeCatalog (when the
/// pull request is merged). Each binds parameters and calls one use case.
/// </summary>
internal partial class Build
{
    [Parameter("Path of the data tests file in the mirror repository, read from the pull request's branch (JSON or YAML, see docs/data-tests.md)")]
    private readonly string? TestsPath;

    [Parameter("Data tests to run, by name or tag:x - Default is all of them")]
    private readonly string[] Tests = [];

    [Parameter("How many data tests run at once - Default is 4")]
    private readonly int TestParallelism = 4;

    [Parameter("Timeout of a data test that sets none, in seconds - Default is 300")]
    private readonly int TestTimeout = 300;

    [Parameter("Dremio Cloud project id (--catalog dremio-cloud)")]
    private readonly string? ProjectId;

    [Parameter("Dremio Cloud region: eu or emea for the EMEA endpoints, anything else for the US ones")]
    private readonly string? DremioCloudRegion;

    [Parameter("Dremio Software URL, e.g. https://dremio.example.com:9047 (--catalog dremio); with --catalog dremio-cloud another API root than the region's")]
    private readonly string? DremioUrl;

    [Parameter("Dremio personal access token (also DREMIO_PAT); never printed")]
    [Secret]
    private readonly string? DremioPat;

    [Parameter("Name of the mirror repository; also the catalog's source name in Dremio SQL")]
    private readonly string? RepoName;

    [Parameter("Where pull requests live: local (branch pairs in the mirror repository, comments as files) or codecommit (AWS CodeCommit, with --repo-name and --pull-request-id) - Default is 'local'")]
    private readonly PullRequestHostKind PrHost = PullRequestHostKind.Local;

    [Parameter("The pull request's id on the host; on the local host it is 'source..target' and may be left out")]
    private readonly string? PullRequestId;

    private Target VerifyMirror => _ => _
        .Description("Compares the whole catalog branch --to-ref with its mirror and fails on drift (missing, extra or different views)")
        .Requires(() => ToRef)
        .Executes(async ct =>
        {
            var verification = await Pipeline.VerifyMirrorAsync(ToRef!, ct);
            ReportSummary(_ => _.AddPair("Views", verification.Comparison.ViewCount.ToString()).AddPair("Drift", verification.Comparison.Drift.Count.ToString()));
            if (!verification.Agrees)
            {
                throw new BuildException(
                    $"The mirror of {ToRef} could not be proven equal to the catalog: {verification.Comparison.Drift.Count} difference(s), " +
                    $"{verification.Unresolved.Count} view(s) whose SQL could not be read.");
            }
        });

    private Target RunDataTests => _ => _
        .Description("Runs the data tests of --tests-path from the pull request's branch against the catalog state its mirror recorded; reports to <artifacts>/test-results/ and the pull request")
        .Requires(() => TestsPath)
        .Requires(() => TestParallelism, n => n >= 1, "a number of at least 1")
        .Requires(() => TestTimeout, s => s is >= 1 and <= 86400, "a number of seconds from 1 to 86400")
        .Executes(async ct =>
        {
            var result = await Pipeline.RunDataTestsAsync(
                PullRequest(), TestsPath!, Tests,
                new DataTestRunnerOptions { MaxParallelism = TestParallelism, DefaultTimeout = TimeSpan.FromSeconds(TestTimeout) },
                selectionSource: "--tests",
                cancellationToken: ct);
            ReportSummary(_ => _.AddPair("Passed", result.Run.Passed.ToString()).AddPair("Failed", result.Run.Failed.ToString())
                .AddPair("Errors", result.Run.Errors.ToString()));
            if (result.IsFailed)
            {
                throw new BuildException(result.Summary);
            }
        });

    private Target MergeCatalog => _ => _
        .Description("After the pull request (--pull-request-id, or --to-ref into --from-ref) is merged in git, merges the catalog branch at its reviewed state (a dry run first; conflicts fail)")
        .Executes(async ct =>
        {
            var result = await Pipeline.MergeCatalogAsync(PullRequest(), ct);
            ReportSummary(_ => _.AddPair("Outcome", result.Outcome.ToString()));
            if (!result.IsSuccess)
            {
                throw new BuildException(
                    $"Catalog branch {result.SourceBranch} cannot be merged into {result.TargetBranch}: {result.Conflicts.Count} conflict(s).");
            }
        });

    /// <summary>
    /// RunDataTests deletes the reports of an earlier run before anything can stop this one: before a value that cannot
    /// be read (--test-parallelism abc) is reported and before the requirements are checked (--test-parallelism 0), so a
    /// CI job that always collects the JUnit file never publishes a stale run.
    /// </summary>
    protected override void OnBuildPlanned()
    {
        if (ScheduledTargets.Contains(nameof(RunDataTests)))
        {
            DataTestReportFiles.In(ArtifactsPath).Delete();
        }
    }

    /// <summary>The pull request: by --pull-request-id, else the branch pair --to-ref into --from-ref.</summary>
    private PullRequestSelector PullRequest() =>
        PullRequestId is { Length: > 0 } id ? new PullRequestSelector(id, ToRef, ToRef is null ? null : FromRef)
        : ToRef is { Length: > 0 } source ? PullRequestSelector.ByBranches(source, FromRef)
        : throw new BuildException("Name the pull request: --pull-request-id, or --to-ref (its branch) with --from-ref (its target, default main).");
}
