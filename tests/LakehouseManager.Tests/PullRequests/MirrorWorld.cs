using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LakehouseManager.Tests.PullRequests;

/// <summary>
/// A small world for pull-request tests: a real local catalog, a bare git remote and a checkout of it, with a
/// stand-in sync that mirrors a whole catalog branch into its git branch as one commit carrying the watermark
/// trailers, as the real sync does.
/// </summary>
internal sealed class MirrorWorld : IDisposable
{
    private readonly GitSandbox _sandbox;
    private readonly TempDirectory _temp = new("lhm-world");

    private MirrorWorld(GitSandbox sandbox, GitRepository? remote, GitRepository checkout, LocalCatalog catalog, string mirrorPath)
    {
        _sandbox = sandbox;
        Remote = remote;
        Checkout = checkout;
        Catalog = catalog;
        MirrorPath = mirrorPath;
    }

    public GitRepository? Remote { get; }

    public GitRepository Checkout { get; }

    public LocalCatalog Catalog { get; }

    public string MirrorPath { get; }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public string ReportsFolder => _temp.Combine("artifacts", "pull-requests");

    public GitSandbox Sandbox => _sandbox;

    /// <summary>A catalog with views on main, mirrored (and pushed when there is a remote).</summary>
    public static async Task<MirrorWorld> CreateAsync(string mirrorPath = "views", bool withRemote = true)
    {
        var sandbox = new GitSandbox();
        GitRepository? remote = null;
        GitRepository checkout;
        if (withRemote)
        {
            (remote, checkout) = await sandbox.CreateRemoteAndCloneAsync("checkout");
        }
        else
        {
            checkout = await GitRepository.InitAsync(sandbox.Combine("checkout"), options: sandbox.Options);
            await GitSandbox.CommitFileAsync(checkout, "README.md", "mirror\n", "Initial commit");
        }

        var catalog = await LocalCatalog.OpenAsync(
            Path.Combine(sandbox.Root, "catalog.db"), new LocalCatalogOptions { Author = "tester" });
        var world = new MirrorWorld(sandbox, remote, checkout, catalog, mirrorPath);
        await world.PutAsync("main", ("shop.sales.orders", "SELECT * FROM shop.raw.orders"), ("shop.sales.revenue", "SELECT 1"));
        await world.SyncAsync("main");
        return world;
    }

    public LocalPullRequestHost Host() => new(Checkout, MirrorPath, ReportsFolder, timeProvider: Clock);

    public static PullRequestSelector Selector(string source = "dev", string target = "main") => new(null, source, target);

    public async Task<string> PutAsync(string branch, params (string Key, string Sql)[] views)
    {
        var head = await Catalog.GetBranchAsync(branch);
        var result = await Catalog.CommitAsync(
            branch, head.Hash, views.Select(v => ViewOperation.Put(ContentKey.ParseSqlPath(v.Key), v.Sql)).ToList(), "put");
        return result.Hash;
    }

    /// <summary>Cuts a branch from main in the catalog and in git (pushed).</summary>
    public async Task CutBranchAsync(string branch, string from = "main")
    {
        var head = await Catalog.GetBranchAsync(from);
        await Catalog.CreateBranchAsync(branch, head.Hash);
        await Checkout.History.CreateBranchAsync(branch, from);
        await PushAsync(branch);
    }

    /// <summary>
    /// Makes git branch <paramref name="branch"/>'s mirror folder equal the catalog branch at its head, in one commit
    /// with the watermark trailers, and pushes it. Returns the catalog hash mirrored.
    /// </summary>
    public async Task<string> SyncAsync(string branch)
    {
        var head = await Catalog.GetBranchAsync(branch);
        await Checkout.WorkTree.CheckoutAsync(branch);
        var folder = new MirrorFolder(Checkout.Directory, MirrorPath);
        foreach (var entry in folder.Scan().Views)
        {
            folder.DeleteView(entry.RelativePath);
        }

        var views = new List<CatalogView>();
        await foreach (var view in Catalog.ListAllViewsAsync(head.Hash))
        {
            views.Add(view);
        }

        var paths = MirrorLayout.Assign(views.Select(v => v.Key));
        foreach (var view in views)
        {
            await folder.WriteViewAsync(paths[view.Key], view.Sql);
        }

        await Checkout.WorkTree.StageAsync(MirrorPath);
        if (await Checkout.WorkTree.HasStagedChangesAsync())
        {
            await Checkout.WorkTree.CommitAsync(GitCommitMessage.Compose(
                $"Sync catalog branch {branch}", null, GitWatermark.Trailers(branch, head.Hash)));
            await PushAsync(branch);
        }

        return head.Hash;
    }

    /// <summary>A hand-made commit of one file on a branch (pushed).</summary>
    public async Task<string> CommitFileAsync(string branch, string path, string content, string message = "Human edit")
    {
        await Checkout.WorkTree.CheckoutAsync(branch);
        var commit = await GitSandbox.CommitFileAsync(Checkout, path, content, message);
        await PushAsync(branch);
        return commit;
    }

    /// <summary>Merges git branch <paramref name="source"/> into <paramref name="target"/>: "merge", "ff" or "squash".</summary>
    public async Task MergeInGitAsync(string source, string target = "main", string how = "merge")
    {
        await Checkout.WorkTree.CheckoutAsync(target);
        switch (how)
        {
            case "merge":
                Assert.True((await Checkout.Merges.MergeAsync(source, $"Merge {source}")).IsSuccess);
                break;
            case "squash":
                Assert.True((await Checkout.Merges.SquashMergeAsync(source, $"Squash {source}")).IsSuccess);
                break;
            default:
                await _sandbox.GitAsync(Checkout, "merge", "--quiet", "--ff-only", source);
                break;
        }

        await PushAsync(target);
    }

    public void Dispose()
    {
        Catalog.Dispose();
        _temp.Dispose();
        _sandbox.Dispose();
    }

    private async Task PushAsync(string branch)
    {
        if (Remote is not null)
        {
            Assert.True((await Checkout.Remotes.PushAsync("origin", branch)).IsPushed);
        }
    }
}
