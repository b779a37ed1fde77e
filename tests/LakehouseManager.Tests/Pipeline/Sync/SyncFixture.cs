using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// A local catalog with a data table, a bare "remote" mirror repository with one commit on main, and a checkout of it:
/// the world a sync runs in, all real (SQLite, git).
/// </summary>
internal sealed class SyncFixture : IAsyncDisposable
{
    private SyncFixture(
        GitSandbox sandbox, LocalCatalog catalog, GitRepository remote, GitRepository checkout, string mirrorPath, string seed)
    {
        SeedCommit = seed;
        Sandbox = sandbox;
        Catalog = catalog;
        Sql = new LocalSqlExecutor(catalog);
        Remote = remote;
        Checkout = checkout;
        MirrorPath = mirrorPath;
    }

    public GitSandbox Sandbox { get; }

    public LocalCatalog Catalog { get; }

    public LocalSqlExecutor Sql { get; }

    public GitRepository Remote { get; }

    public GitRepository Checkout { get; }

    public string MirrorPath { get; }

    /// <summary>The remote's first commit on main (a README), before any sync.</summary>
    public string SeedCommit { get; }

    public static async Task<SyncFixture> CreateAsync(string mirrorPath = "")
    {
        var sandbox = new GitSandbox();
        var catalog = await LocalCatalog.OpenAsync(sandbox.Combine("catalog.db"));
        var (remote, checkout) = await sandbox.CreateRemoteAndCloneAsync("checkout");
        var seed = (await remote.History.RevParseAsync("main"))!;
        var fixture = new SyncFixture(sandbox, catalog, remote, checkout, mirrorPath, seed);
        await fixture.Sql.ExecuteAsync("main", "CREATE TABLE shop.raw.orders (id INTEGER, amount REAL)");
        return fixture;
    }

    public async Task<string> ExecAsync(string branch, params string[] statements)
    {
        foreach (var statement in statements)
        {
            await Sql.ExecuteAsync(branch, statement);
        }

        return (await Catalog.GetBranchAsync(branch)).Hash;
    }

    public Task<string> CreateViewAsync(string branch, string name, string body = "SELECT id FROM shop.raw.orders") =>
        ExecAsync(branch, $"CREATE OR REPLACE VIEW {name} AS {body}");

    public SyncMirror NewSync(
        string branch = "main",
        GitRepository? checkout = null,
        OnGitEdit policy = OnGitEdit.Keep,
        Func<SyncStep, CancellationToken, Task>? hook = null,
        ICatalog? catalog = null,
        int maxPushAttempts = 5,
        IViewSqlResolver? resolver = null,
        Func<SyncSettings, SyncSettings>? configure = null,
        string? mirrorPath = null)
    {
        var repository = checkout ?? Checkout;
        var settings = new SyncSettings(branch) { OnGitEdit = policy, MaxPushAttempts = maxPushAttempts };
        return new SyncMirror(
            new CatalogViews(catalog ?? Catalog, resolver ?? new ContentSqlTextResolver()),
            repository,
            new MirrorFolder(repository.Directory, mirrorPath ?? MirrorPath),
            configure is null ? settings : configure(settings))
        {
            StepHook = hook,
        };
    }

    public Task<GitRepository> CloneAsync(string name) => Sandbox.CloneAsync(Remote, name);

    /// <summary>A human edits a file of the checkout's main branch in git and pushes it.</summary>
    public async Task EditAndPushAsync(string path, string content)
    {
        await GitSandbox.CommitFileAsync(Checkout, path, content, $"Edit {path} by hand");
        Assert.True((await Checkout.Remotes.PushAsync("origin", "main")).IsPushed);
    }

    /// <summary>The mirror files of a branch on the remote: path (relative to the mirror folder) to SQL text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RemoteMirrorAsync(string branch)
    {
        var folder = new MirrorFolder(Checkout.Directory, MirrorPath);
        var paths = (await Remote.Objects.ListTreeFilesAsync(branch, MirrorPath)).Where(p => p.EndsWith(".sql", StringComparison.Ordinal)).ToList();
        var blobs = await Remote.Objects.ReadFilesAsync(branch, paths);
        return blobs.ToDictionary(b => folder.FromRepositoryPath(b.Key)!, b => MirrorFile.ToSql(b.Value!));
    }

    /// <summary>The catalog's views of a branch as the mirror should hold them: path to SQL text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExpectedMirrorAsync(string branch)
    {
        var views = new List<CatalogView>();
        await foreach (var view in Catalog.ListAllViewsAsync((await Catalog.GetBranchAsync(branch)).Hash))
        {
            views.Add(view);
        }

        var paths = MirrorLayout.Assign(views.Select(v => v.Key));
        return views.ToDictionary(v => paths[v.Key], v => v.Sql);
    }

    /// <summary>The commits of a branch on the remote since the seed commit, newest first, marked when mirror commits.</summary>
    public async Task<IReadOnlyList<(string Commit, bool IsMirrorCommit)>> RemoteCommitsAsync(string branch) =>
        await Remote.History.ListCommitsAsync(SeedCommit, branch);

    public async ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        Sandbox.Dispose();
        await Task.CompletedTask;
    }
}
