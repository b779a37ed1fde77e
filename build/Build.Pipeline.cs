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

    [Parameter("A file of SQL statements for the Sql target ('-' reads standard input), run in order at --to-ref " +
               "(default main): each view or branch statement is its own commit, and the first that fails stops the run")]
    private readonly AbsolutePath? SqlFile;

    [Parameter("With --sql-file: apply the file's view statements as one catalog commit, all or nothing")]
    private readonly bool SingleCommit;

    private CatalogDelta? _delta;
    private LocalCatalog? _localCatalog;

    private AbsolutePath PipelineArtifacts => ArtifactsDirectory;

    private Target Sql => _ => _
        .Description("Runs SQL on the local catalog at --to-ref (default main) and prints the results: one statement " +
                     "(--sql) or a script (--sql-file): CREATE [OR REPLACE] VIEW, DROP VIEW, CREATE/DROP/MERGE BRANCH, " +
                     "SHOW BRANCHES/VIEWS/TABLES/LOGS, or plain SQL")
        .Executes(async ct =>
        {
            var executor = new LocalSqlExecutor(await OpenCatalogAsync(ct));
            var branch = ToRef ?? FromRef;
            if (SqlFile is null)
            {
                if (SingleCommit)
                {
                    throw new BuildException("--single-commit applies to a script: give it with --sql-file PATH.");
                }

                var result = await executor.ExecuteAsync(branch, SqlStatement ?? throw new BuildException(SqlUsage), ct);
                Log.Information("{Result}", SqlResultText.Render(result));

                // A statement that reports failure as rows (a merge with conflicts) must fail the build too.
                if (!result.Succeeded)
                {
                    throw new BuildException($"The statement did not succeed: {result.Message}.");
                }

                return;
            }

            if (SqlStatement is not null)
            {
                throw new BuildException(SqlUsage);
            }

            var outcome = await new LocalSqlScript(executor).RunAsync(
                branch,
                await ReadSqlFileAsync(SqlFile, ct),
                SingleCommit,
                step => Log.Information(
                    "{Step}",
                    $"-- {step.Number}/{step.Count}, line {step.Line}: {step.FirstLine}\n{SqlResultText.Render(step.Result)}"),
                ct);
            ReportSummary(_ => _.AddPair("Statements", $"{outcome.Statements}").AddPair("Commits", $"{outcome.Commits}"));
        });

    private static async Task<string> ReadSqlFileAsync(AbsolutePath file, CancellationToken cancellationToken) =>
        file.Name == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken)
            : File.Exists(file)
                ? await File.ReadAllTextAsync(file, cancellationToken)
                : throw new BuildException($"The SQL file {file} does not exist: give the path of a file of statements, or - for standard input.");

    private const string SqlUsage =
        "Sql runs one statement (--sql \"STATEMENT\") or a script (--sql-file PATH, or --sql-file - for standard input): give one of them.";

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
