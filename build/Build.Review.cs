using LakehouseManager.DataTests;
using LakehouseManager.Pipeline.DataTests;
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

    [Parameter("Dremio Cloud project id (--catalog DremioCloud)")]
    private readonly string? ProjectId;

    [Parameter("Dremio Cloud region: eu or emea for the EMEA endpoints, anything else for the US ones")]
    private readonly string? DremioCloudRegion;

    [Parameter("Dremio Software URL, e.g. https://dremio.example.com:9047 (--catalog Dremio)")]
    private readonly string? DremioUrl;

    [Parameter("Dremio personal access token (also DREMIO_PAT); never printed")]
    [Secret]
    private readonly string? DremioPat;

    [Parameter("Name of the mirror repository; also the catalog's source name in Dremio SQL")]
    private readonly string? RepoName;

    private Target VerifyMirror => _ => _
        .Description("Compares the whole catalog branch --to-ref with its mirror and fails on drift (missing, extra or different views)")
        .Requires(() => ToRef)
        .Executes(async ct =>
        {
            var verification = await (await PipelineAsync(ct)).VerifyMirrorAsync(ToRef!, ct);
            ReportSummary(_ => _.AddPair("Views", verification.Comparison.ViewCount.ToString()).AddPair("Drift", verification.Comparison.Drift.Count.ToString()));
            if (!verification.Agrees)
            {
                throw new BuildException($"The mirror of {ToRef} has drifted from the catalog: {verification.Comparison.Drift.Count} difference(s).");
            }
        });

    private Target RunDataTests => _ => _
        .Description("Runs the data tests of --tests-path from branch --to-ref against catalog branch --to-ref; reports to artifacts/test-results/ and the pull request")
        .Requires(() => ToRef)
        .Requires(() => TestsPath)
        .Requires(() => TestParallelism, n => n >= 1, "a number of at least 1")
        .Requires(() => TestTimeout, s => s is >= 1 and <= 86400, "a number of seconds from 1 to 86400")
        .Executes(async ct =>
        {
            await using var engine = await QueryEngineFactory.CreateAsync(QueryEngineSettings(), ct);
            var result = await (await PipelineAsync(ct)).RunDataTestsAsync(
                ToRef!, TestsPath!, engine, Tests,
                new DataTestRunnerOptions { MaxParallelism = TestParallelism, DefaultTimeout = TimeSpan.FromSeconds(TestTimeout) },
                ct);
            ReportSummary(_ => _.AddPair("Passed", result.Run.Passed.ToString()).AddPair("Failed", result.Run.Failed.ToString())
                .AddPair("Errors", result.Run.Errors.ToString()));
            if (result.IsFailed)
            {
                throw new BuildException(result.Summary);
            }
        });

    private Target MergeCatalog => _ => _
        .Description("After the pull request --to-ref into --from-ref is merged in git, merges the catalog branch the same way (a dry run first; conflicts fail)")
        .Requires(() => ToRef)
        .Executes(async ct =>
        {
            var result = await (await PipelineAsync(ct)).MergeCatalogAsync(ToRef!, FromRef, ct);
            ReportSummary(_ => _.AddPair("Outcome", result.Outcome.ToString()));
            if (!result.IsSuccess)
            {
                throw new BuildException($"Catalog branch {ToRef} cannot be merged into {FromRef}: {result.Conflicts.Count} conflict(s).");
            }
        });

    private QueryEngineSettings QueryEngineSettings() => new()
    {
        Kind = Catalog switch
        {
            CatalogKind.Local => QueryEngineKind.Local,
            CatalogKind.DremioCloud => QueryEngineKind.DremioCloud,
            CatalogKind.Dremio => QueryEngineKind.DremioSoftware,
            _ => throw new BuildException(
                "Data tests need a SQL engine and --catalog Nessie has none: run them on Dremio with --catalog DremioCloud " +
                "or --catalog Dremio (Dremio Software with the Nessie source), or on --catalog Local."),
        },
        CatalogPath = CatalogPath,
        ProjectId = ProjectId,
        Region = DremioCloudRegion,
        DremioUrl = DremioUrl,
        Pat = DremioPat,
        RepoName = RepoName,
        LoggerFactory = new RunnerLoggerProvider(),
    };
}
