using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.DataTests;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Demo;

/// <summary>
/// <c>./build.sh Demo</c>: the whole review loop on the embedded catalog, with no cloud account. It builds a small
/// lakehouse, mirrors it, changes views on a branch, syncs, runs the data tests (one fails, the view is fixed, they
/// pass), merges the pull request and the catalog, and verifies the result. Every step goes through the same
/// <see cref="LakehousePipeline"/> methods the targets call. Each run starts from a fresh workspace, so it can be run
/// again and again; the demo checks its own expectations and stops with a clear message if one fails.
/// </summary>
public sealed partial class DemoRunner
{
    private const int Steps = 9;

    private readonly DemoWorkspace _workspace;
    private readonly DemoLoggers _loggers;
    private readonly ILogger _logger;
    private readonly GitOptions? _git;

    public DemoRunner(DemoWorkspace workspace, ILoggerFactory? loggers = null, GitOptions? git = null)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _loggers = new DemoLoggers(loggers ?? NullLoggerFactory.Instance);
        _logger = _loggers.CreateLogger("Demo");
        _git = git;
    }

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken = default)
    {
        Step(1, "a fresh workspace with a local catalog: 3 tables and 12 views in 3 namespaces on main");
        _workspace.Reset();

        // The demo creates its catalog; everything after that works on it as the targets do, through the composition root.
        using (await LocalCatalog.OpenAsync(_workspace.CatalogPath, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
        }

        await using var lakehouse = new Lakehouse(Settings());
        var catalog = await lakehouse.GetLocalCatalogAsync(cancellationToken).ConfigureAwait(false);
        var sql = new LocalSqlExecutor(catalog);
        await RunSqlAsync(sql, "main", [.. DemoScript.Tables, .. DemoScript.ViewsOnMain], cancellationToken).ConfigureAwait(false);

        Step(2, "a bare repository as the hosted mirror, a checkout of it, and a first Sync of main");
        var pipeline = await CreateMirrorAsync(lakehouse, cancellationToken).ConfigureAwait(false);
        var bootstrap = await pipeline.SyncAsync("main", cancellationToken).ConfigureAwait(false);
        Expect(bootstrap.Delta.Count(MirrorChangeKind.Added) == DemoScript.ViewsOnMain.Count, "the first sync writes one file per view");

        Step(3, "catalog branch dev and git branch dev, cut from main");
        await RunSqlAsync(sql, "main", ["CREATE BRANCH dev"], cancellationToken).ConfigureAwait(false);
        await lakehouse.Repository.History.CreateBranchAsync("dev", "main", cancellationToken: cancellationToken).ConfigureAwait(false);
        await lakehouse.Repository.Remotes.PushAsync(pipeline.Settings.Remote, "dev", cancellationToken).ConfigureAwait(false);

        Step(4, "a data engineer changes views on catalog branch dev: one created, one altered, one dropped");
        await RunSqlAsync(sql, "dev", DemoScript.ChangesOnDev, cancellationToken).ConfigureAwait(false);

        Step(5, "Sync dev, and the pull request dev -> main as a reviewer sees it");
        var sync = await pipeline.SyncAsync("dev", cancellationToken).ConfigureAwait(false);
        Expect(
            sync.Delta.Count(MirrorChangeKind.Added) == 1 && sync.Delta.Count(MirrorChangeKind.Changed) == 1 &&
            sync.Delta.Count(MirrorChangeKind.Removed) == 1,
            "the sync of dev commits exactly the three view changes");
        var review = await lakehouse.Repository.Objects.DiffTextAsync("main...dev", DemoWorkspace.MirrorPath, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("git diff main...dev -- {Folder}\n{Diff}", DemoWorkspace.MirrorPath, review.TrimEnd());

        var tests = await RunDataTestsStepAsync(pipeline, sql, cancellationToken).ConfigureAwait(false);
        var merge = await MergeStepAsync(pipeline, cancellationToken).ConfigureAwait(false);

        Step(9, "VerifyMirror main: the catalog and its mirror agree");
        var verification = await pipeline.VerifyMirrorAsync("main", cancellationToken).ConfigureAwait(false);
        Expect(verification.Agrees, "catalog main equals its mirror after the merge");

        var result = new DemoResult(_workspace, tests.Failed, tests.Passed, merge, verification.Comparison.ViewCount);
        _logger.LogInformation("{Summary}", DemoSummary.Render(result, await lakehouse.Repository
            .History.LogGraphAsync(["main", "dev"], cancellationToken: cancellationToken).ConfigureAwait(false)));
        return result;
    }

    private LakehouseSettings Settings() => new()
    {
        CatalogPath = _workspace.CatalogPath,
        RepoPath = _workspace.CheckoutPath,
        MirrorPath = DemoWorkspace.MirrorPath,
        ArtifactsDirectory = _workspace.ArtifactsPath,
        Git = _git,
        Loggers = _loggers,
    };

    private async Task<LakehousePipeline> CreateMirrorAsync(Lakehouse lakehouse, CancellationToken cancellationToken)
    {
        var remote = await GitRepository.InitAsync(_workspace.RemotePath, bare: true, options: _git, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var checkout = await GitRepository.CloneAsync(remote.Directory, _workspace.CheckoutPath, options: _git, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await File.WriteAllTextAsync(
            Path.Combine(checkout.Directory, "README.md"),
            "# Demo lakehouse mirror\n\nOne SQL file per view of the catalog, under views/. Maintained by Lakehouse Manager.\n",
            cancellationToken).ConfigureAwait(false);
        await checkout.WorkTree.StageAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await checkout.WorkTree.CommitAsync("Start the mirror repository\n", cancellationToken).ConfigureAwait(false);
        await checkout.Remotes.PushAsync("origin", "main", cancellationToken).ConfigureAwait(false);
        return new LakehousePipeline(lakehouse);
    }

    private static async Task RunSqlAsync(
        LocalSqlExecutor sql, string branch, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await sql.ExecuteAsync(branch, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Step(int number, string what) => _logger.LogInformation("Demo step {Number}/{Steps}: {What}", number, Steps, what);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new LakehouseException($"The demo did not go as expected: {what} did not hold. Please report this.");
        }
    }

    private static DataTestRunnerOptions RunnerOptions => new();
}
