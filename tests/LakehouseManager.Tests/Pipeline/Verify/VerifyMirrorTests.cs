using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.PullRequests;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Verify;

public sealed class VerifyMirrorTests
{
    private static VerifyMirror Create(MirrorWorld world, ListLogger<VerifyMirror>? log = null) =>
        new(TestViews.Of(world.Catalog), world.Checkout, world.MirrorPath, logger: log);

    [Fact(Timeout = 30_000)]
    public async Task A_synced_mirror_in_a_sub_folder_agrees_and_other_files_are_ignored()
    {
        using var world = await MirrorWorld.CreateAsync(mirrorPath: "lakehouse/views");
        await world.PutAsync("main", ("shop.Orders", "SELECT 'upper'"), ("shop.orders", "SELECT 'lower'"));
        await world.SyncAsync("main");
        await world.CommitFileAsync("main", "lakehouse/views/README.md", "About the mirror\n");
        await world.CommitFileAsync("main", "lakehouse/views/.github/lint.sql", "SELECT 0\n");
        await world.CommitFileAsync("main", "lakehouse/other.sql", "SELECT 0\n");
        var log = new ListLogger<VerifyMirror>();

        var result = await Create(world, log).RunAsync("main");

        Assert.True(result.Agrees);
        Assert.Equal((4, 4, 4), (result.Comparison.ViewCount, result.Comparison.FileCount, result.Comparison.MatchingCount));
        Assert.Equal(("origin/main", await world.Remote!.History.RevParseAsync("main")), (result.GitRevision, result.GitCommit));
        Assert.Equal((await world.Catalog.GetBranchAsync("main")).Hash, result.CatalogHash);
        Assert.Contains(log.At(LogLevel.Information), m => m.EndsWith("agree: 4 views.", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_kind_of_drift_is_found_in_git_objects_whatever_the_working_tree_holds()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.PutAsync("main", ("shop.sales.Daily", "SELECT 1"), ("shop.sales.dropped", "SELECT 3"));
        await world.SyncAsync("main");
        await world.PutAsync("main", ("shop.sales.unsynced", "SELECT 5"), ("shop.sales.revenue", "SELECT 2"));
        await new LocalSqlExecutor(world.Catalog).ExecuteAsync("main", "DROP VIEW shop.sales.dropped");
        await world.CommitFileAsync("main", "views/shop/sales/stray.sql", "SELECT 0\n");
        await world.Sandbox.GitAsync(world.Checkout, "mv", "views/shop/sales/Daily.sql", "views/shop/sales/Daily%~1.sql");
        await world.Checkout.WorkTree.CommitAsync("Rename by hand");
        await world.Checkout.Remotes.PushAsync("origin", "main");
        File.WriteAllText(Path.Combine(world.Checkout.Directory, "views", "shop", "sales", "unsynced.sql"), "SELECT 5\n");

        var result = await Create(world).RunAsync("main");

        Assert.False(result.Agrees);
        Assert.Equal(["shop.sales.unsynced"], result.Comparison.Missing.Select(d => d.Key!.ToString()));
        Assert.Equal(["shop/sales/dropped.sql"], result.Comparison.Extra.Select(d => d.Path));
        Assert.Equal(["shop/sales/stray.sql"], result.Foreign);
        Assert.Equal(["shop.sales.revenue"], result.Comparison.Different.Select(d => d.Key!.ToString()));
        Assert.Equal(["shop/sales/Daily%~1.sql"], result.Comparison.Misplaced.Select(d => d.Path));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_remote_branch_is_verified_when_it_is_newer_than_the_local_one()
    {
        using var world = await MirrorWorld.CreateAsync();
        var other = await world.Sandbox.CloneAsync(world.Remote!, "other");
        await world.PutAsync("main", ("shop.sales.fresh", "SELECT 7"));
        await GitSandbox.CommitFileAsync(other, "views/shop/sales/fresh.sql", "SELECT 7\n", "Synced elsewhere");
        Assert.True((await other.Remotes.PushAsync("origin", "main")).IsPushed);

        var result = await Create(world).RunAsync("main");

        Assert.True(result.Agrees);
        Assert.Equal(await other.History.RevParseAsync("HEAD"), result.GitCommit);
        Assert.NotEqual(result.GitCommit, await world.Checkout.History.RevParseAsync("refs/heads/main"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_repository_without_a_remote_is_verified_on_its_local_branch()
    {
        using var world = await MirrorWorld.CreateAsync(withRemote: false);
        await world.PutAsync("main", ("shop.sales.fresh", "SELECT 7"));

        var result = await Create(world).RunAsync("main");

        Assert.Equal("main", result.GitRevision);
        Assert.Equal(["shop.sales.fresh"], result.Comparison.Missing.Select(d => d.Key!.ToString()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_git_branch_that_does_not_exist_is_a_clear_error()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.Catalog.CreateBranchAsync("dev", (await world.Catalog.GetBranchAsync("main")).Hash);

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => Create(world).RunAsync("dev"));

        Assert.Contains("Git branch 'dev' does not exist in the mirror repository", exception.Message, StringComparison.Ordinal);
        Assert.Contains("neither 'origin/dev' nor a local branch 'dev'", exception.Message, StringComparison.Ordinal);
    }
}
