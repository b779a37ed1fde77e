using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using TargetRunner;

/// <summary>
/// The pipeline targets (design §4, §6): each binds parameters and calls one use case of
/// <see cref="LakehousePipeline"/>. The parameters keep the original tool's meanings (design §8).
/// </summary>
internal partial class Build
{
    [Parameter("Catalog to work on: Local (the embedded SQLite catalog), Nessie, DremioCloud or Dremio. Default is 'Local'")]
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

    [Parameter("One SQL statement for the Sql target, run at --to-ref (default main)", Name = "Sql")]
    private readonly string? SqlStatement;

    private CatalogDelta? _delta;
    private LocalCatalog? _localCatalog;

    private AbsolutePath PipelineArtifacts => ArtifactsDirectory;

    private Target Sql => _ => _
        .Description("Runs one statement on the local catalog at --to-ref (default main) and prints the result: " +
                     "CREATE [OR REPLACE] VIEW, DROP VIEW, CREATE/DROP/MERGE BRANCH, SHOW BRANCHES/VIEWS, or plain SQL")
        .Requires(() => SqlStatement)
        .Executes(async ct =>
        {
            var result = await new LocalSqlExecutor(await OpenCatalogAsync(ct)).ExecuteAsync(ToRef ?? FromRef, SqlStatement!, ct);
            Log.Information("{Result}", SqlResultText.Render(result));

            // A statement that reports failure as rows (a merge with conflicts) must fail the build too.
            if (!result.Succeeded)
            {
                throw new BuildException($"The statement did not succeed: {result.Message}.");
            }
        });

    private Target FetchCatalogDelta => _ => _
        .Description("Computes what a sync of --to-ref changes in the mirror: artifacts/catalog-delta.json and a summary (a dry run on its own)")
        .Requires(() => ToRef)
        .Executes(async ct => _delta = await (await PipelineAsync(ct)).FetchCatalogDeltaAsync(ToRef!, ct));

    private Target CommitMirror => _ => _
        .Description("Writes the delta into the mirror as one commit (none when nothing changed) and pushes it")
        .DependsOn(FetchCatalogDelta)
        .Executes(async ct => ReportOutcome(await (await PipelineAsync(ct)).CommitMirrorAsync(
            _delta ?? throw new BuildException("CommitMirror commits the delta FetchCatalogDelta computes in the same run: do not skip FetchCatalogDelta."),
            ct)));

    private Target Sync => _ => _
        .Description("Mirrors catalog branch --to-ref into git branch --to-ref: FetchCatalogDelta then CommitMirror")
        .DependsOn(CommitMirror);

    private void ReportOutcome(SyncOutcome outcome) =>
        ReportSummary(_ => _
            .AddPair("Changes", SyncCommitMessage.Counts(outcome.Delta))
            .AddPair("Commit", outcome.Commit is null ? "none" : HashText.Short(outcome.Commit)));

    private async Task<LakehousePipeline> PipelineAsync(CancellationToken cancellationToken) =>
        new(
            new PipelineOptions
            {
                Catalog = Catalog == CatalogKind.Local
                    ? await OpenCatalogAsync(cancellationToken)
                    : new UnavailableCatalog(CatalogUnavailable),
                RepoPath = RepoPath,
                MirrorPath = MirrorPath,
                Remote = Remote,
                FromRef = FromRef,
                OnGitEdit = OnGitEdit,
                ArtifactsDirectory = PipelineArtifacts,
            },
            new RunnerLoggerProvider());

    private async Task<LocalCatalog> OpenCatalogAsync(CancellationToken cancellationToken)
    {
        if (Catalog != CatalogKind.Local)
        {
            throw new BuildException(CatalogUnavailable);
        }

        return _localCatalog ??= await LocalCatalog.OpenAsync(CatalogPath, cancellationToken: cancellationToken);
    }

    private string CatalogUnavailable =>
        $"--catalog {Catalog} cannot sync, verify or merge in this version: the Nessie/Arctic catalog adapter is not " +
        "there yet, only the local catalog (--catalog Local) is. Data tests (RunDataTests) already run on Dremio.";

    protected override void OnBuildFinished() => _localCatalog?.Dispose();
}
