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

    [Parameter("Lets a sync remove all of the mirror, or more than half of a mirror of more than 20 files (the views were really dropped)")]
    private readonly bool AllowMassDelete;

    [Parameter("Makes the *.sql files a first sync finds in the mirror folder part of the mirror (those the catalog lacks are then removed); without it such files stop the sync")]
    private readonly bool AdoptExisting;

    [Parameter("Moves the mirror to --mirror-path when its last mirror commit recorded another folder, in one commit; without it a different folder is an error")]
    private readonly bool MoveMirror;

    [Parameter("Where reports, the delta and the pull-request comments of the local host go - Default is 'artifacts'")]
    private readonly AbsolutePath ArtifactsPath = RootDirectory / "artifacts";

    [Parameter("One SQL statement for the Sql target, run at --to-ref (default main)", Name = "Sql")]
    private readonly string? SqlStatement;

    [Parameter("A file of SQL statements for the Sql target ('-' reads standard input), run in order at --to-ref " +
               "(default main): each view or branch statement is its own commit, and the first that fails stops the run")]
    private readonly AbsolutePath? SqlFile;

    [Parameter("With --sql-file: apply the file's view statements as one catalog commit, all or nothing")]
    private readonly bool SingleCommit;

    /// <summary>Secrets the run may hold in its environment that no parameter binds: masked in what it writes.</summary>
    private static readonly string[] s_environmentSecrets = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    private Lakehouse? _lakehouse;

    /// <summary>The composition root, built once per run from the parameters.</summary>
    private Lakehouse Lakehouse => _lakehouse ??= new Lakehouse(Settings());

    private LakehousePipeline Pipeline => new(Lakehouse);

    private Target Sql => _ => _
        .Description("Runs SQL at --to-ref (default main) and prints the results: one statement (--sql) or a script " +
                     "(--sql-file). On the local catalog: CREATE [OR REPLACE] VIEW, DROP VIEW, CREATE/DROP/MERGE BRANCH, " +
                     "SHOW BRANCHES/VIEWS/TABLES/LOGS, or plain SQL. On --catalog dremio or dremio-cloud the statements go " +
                     "to Dremio's SQL API with the source at --to-ref")
        .Executes(async ct =>
        {
            var script = SqlFile is null ? null : await ReadSqlFileAsync(SqlFile, ct);
            if (Catalog != CatalogKind.Local)
            {
                if (SqlStatement is not null && script is not null)
                {
                    throw new BuildException(SqlUsage);
                }

                await RunSqlOnDremioAsync(SqlStatement ?? script ?? throw new BuildException(SqlUsage), ct);
                return;
            }

            await CreateCatalogForAsync(SqlStatement ?? script ?? "", ct);
            var executor = new LocalSqlExecutor(await Lakehouse.GetLocalCatalogAsync(ct));
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
                script!,
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
    /// Only SQL whose first statement creates something may create the catalog file; anything else on a missing file
    /// is the composition root's clear error, never a new empty catalog.
    /// </summary>
    private async Task CreateCatalogForAsync(string sql, CancellationToken cancellationToken)
    {
        if (Catalog == CatalogKind.Local && !File.Exists(CatalogPath) && LocalSqlScript.StartsWithCreate(sql))
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
        CatalogName = CatalogName,
        NessieUrl = NessieUrl,
        CatalogId = CatalogId,
        NessieToken = NessieToken,
        ViewSqlParallelism = ViewSqlParallelism,
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
        AllowMassDelete = AllowMassDelete,
        AdoptExisting = AdoptExisting,
        MoveMirror = MoveMirror,
        Secrets = [.. s_environmentSecrets.Select(Environment.GetEnvironmentVariable).OfType<string>()],
        ArtifactsDirectory = ArtifactsPath,
        Loggers = new RunnerLoggerProvider(),
    };

    protected override void OnBuildFinished() => _lakehouse?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
