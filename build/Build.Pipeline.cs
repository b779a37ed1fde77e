using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using TargetRunner;

/// <summary>
/// The pipeline targets (design §4, §6): each binds parameters and calls one use case of
/// <see cref="LakehousePipeline"/>; the adapters come from the one composition root, <see cref="Lakehouse"/>. The
/// parameters keep the original tool's meanings (design §8).
/// </summary>
internal partial class Build
{
    [Parameter("Catalog to work on: local (the embedded SQLite catalog), nessie, dremio or dremio-cloud. Default is 'local'")]
    private readonly CatalogKind Catalog = CatalogKind.Local;

    [Parameter("File of the local catalog - Default is '.lakehouse/catalog.db'")]
    private readonly AbsolutePath CatalogPath = RootDirectory / ".lakehouse" / "catalog.db";

    [Parameter("The mirror repository's checkout (a git working tree) - Default is '.lakehouse/mirror'")]
    private readonly AbsolutePath RepoPath = RootDirectory / ".lakehouse" / "mirror";

    [Parameter("Folder of the mirror inside the repository; empty for the repository root - Default is ''")]
    private readonly string MirrorPath = "";

    [Parameter("The pull request's target branch, and where new branches start - Default is 'main'")]
    private readonly string FromRef = "main";

    [Parameter("The pull request's branch: the same name in git and in the catalog")]
    private readonly string? ToRef;

    [Parameter("Git remote of the mirror checkout - Default is 'origin'")]
    private readonly string Remote = "origin";

    [Parameter("What a sync does with a mirror file changed by hand in git: Keep (report it as drift), Revert or Fail - Default is 'Keep'")]
    private readonly OnGitEdit OnGitEdit = OnGitEdit.Keep;

    [Parameter("Where reports, the delta and the pull-request comments of the local host go - Default is 'artifacts'")]
    private readonly AbsolutePath ArtifactsPath = RootDirectory / "artifacts";

    [Parameter("One SQL statement for the Sql target, run at --to-ref (default main)", Name = "Sql")]
    private readonly string? SqlStatement;

    private Lakehouse? _lakehouse;

    /// <summary>The composition root, built once per run from the parameters.</summary>
    private Lakehouse Lakehouse => _lakehouse ??= new Lakehouse(Settings());

    private LakehousePipeline Pipeline => new(Lakehouse);

    private Target Sql => _ => _
        .Description("Runs one statement on the local catalog at --to-ref (default main) and prints the result: " +
                     "CREATE [OR REPLACE] VIEW, DROP VIEW, CREATE/DROP/MERGE BRANCH, SHOW BRANCHES/VIEWS, or plain SQL")
        .Requires(() => SqlStatement)
        .Executes(async ct =>
        {
            await CreateCatalogForAsync(SqlStatement!, ct);
            var executor = new LocalSqlExecutor(await Lakehouse.GetLocalCatalogAsync(ct));
            var result = await executor.ExecuteAsync(ToRef ?? FromRef, SqlStatement!, ct);
            Log.Information("{Result}", SqlResultText.Render(result));

            // A statement that reports failure as rows (a merge with conflicts) must fail the build too.
            if (!result.Succeeded)
            {
                throw new BuildException($"The statement did not succeed: {result.Message}.");
            }
        });

    private Target FetchCatalogDelta => _ => _
        .Description("Computes what a sync of --to-ref changes in the mirror: <artifacts>/catalog-delta.json and a summary (a dry run on its own)")
        .Requires(() => ToRef)
        .Executes(async ct => { await Pipeline.FetchCatalogDeltaAsync(ToRef!, ct); });

    private Target CommitMirror => _ => _
        .Description("Writes the delta FetchCatalogDelta wrote (in this run or an earlier job) into the mirror as one commit and pushes it; a stale delta is refused")
        .Requires(() => ToRef)
        .After(FetchCatalogDelta)
        .Executes(async ct => ReportOutcome(await Pipeline.CommitMirrorAsync(ToRef!, ct)));

    private Target Sync => _ => _
        .Description("Mirrors catalog branch --to-ref into git branch --to-ref: FetchCatalogDelta then CommitMirror, in one step")
        .Requires(() => ToRef)
        .Executes(async ct => ReportOutcome(await Pipeline.SyncAsync(ToRef!, ct)));

    private void ReportOutcome(SyncOutcome outcome) =>
        ReportSummary(_ => _
            .AddPair("Changes", SyncCommitMessage.Counts(outcome.Delta))
            .AddPair("Commit", outcome.Commit is null ? "none" : HashText.Short(outcome.Commit)));

    /// <summary>
    /// Only a statement that creates something may create the catalog file; anything else on a missing file is the
    /// composition root's clear error, never a new empty catalog.
    /// </summary>
    private async Task CreateCatalogForAsync(string statement, CancellationToken cancellationToken)
    {
        if (Catalog == CatalogKind.Local && !File.Exists(CatalogPath) &&
            statement.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase))
        {
            Log.Information("Creating the local catalog {Path}", CatalogPath);
            using (await LocalCatalog.OpenAsync(CatalogPath, cancellationToken: cancellationToken))
            {
            }
        }
    }

    private LakehouseSettings Settings() => new()
    {
        Catalog = Catalog,
        CatalogPath = CatalogPath,
        ProjectId = ProjectId,
        DremioCloudRegion = DremioCloudRegion,
        DremioUrl = DremioUrl,
        DremioPat = DremioPat,
        RepoName = RepoName,
        PullRequestHost = PrHost,
        AwsRegion = AwsRegion,
        AwsEndpointUrl = AwsEndpointUrl,
        PatSecretName = PatSecretName,
        BotArn = BotArn,
        RepoPath = RepoPath,
        MirrorPath = MirrorPath,
        Remote = Remote,
        FromRef = FromRef,
        OnGitEdit = OnGitEdit,
        ArtifactsDirectory = ArtifactsPath,
        Loggers = new RunnerLoggerProvider(),
    };

    protected override void OnBuildFinished() => _lakehouse?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
