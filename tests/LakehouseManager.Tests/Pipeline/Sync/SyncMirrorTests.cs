using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class SyncMirrorTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_first_sync_mirrors_the_whole_branch_in_one_commit_with_the_watermark_trailers()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.sales.orders_by_day", "SELECT id\r\nFROM shop.raw.orders -- ünïcode\n\n");
        var head = await fixture.CreateViewAsync("main", "shop.finance.\"Revenue.Total\"");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.True(outcome.Delta.IsBootstrap);
        Assert.Equal(2, outcome.Delta.Count(MirrorChangeKind.Added));
        Assert.Equal(PushState.Pushed, outcome.Push);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.Equal("SELECT id\r\nFROM shop.raw.orders -- ünïcode", (await fixture.RemoteMirrorAsync("main"))["shop/sales/orders_by_day.sql"]);
        var watermark = await fixture.Remote.History.FindWatermarkAsync("main");
        Assert.Equal((outcome.Commit, "main", head), (watermark!.GitCommit, watermark.CatalogRef, watermark.CatalogHash));
        Assert.Single(await fixture.RemoteCommitsAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_second_sync_with_no_catalog_change_makes_no_commit()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.sales.v");
        await fixture.NewSync().SyncAsync();

        // Act
        var again = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.True(again.Delta.IsEmpty);
        Assert.Null(again.Commit);
        Assert.Equal(PushState.UpToDate, again.Push);
        Assert.Single(await fixture.RemoteCommitsAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_incremental_sync_reads_only_the_changed_views_from_the_catalog()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        for (var i = 0; i < 40; i++)
        {
            await fixture.CreateViewAsync("main", $"shop.v{i:D2}");
        }

        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.v07", "SELECT amount FROM shop.raw.orders");
        await fixture.ExecAsync("main", "DROP VIEW shop.v08", "CREATE VIEW shop.added AS SELECT 1 AS one");
        var counting = new CountingCatalog(fixture.Catalog);

        // Act
        var outcome = await fixture.NewSync(catalog: counting).SyncAsync();

        // Assert
        Assert.Equal(0, counting.ListViewsCalls);
        Assert.Equal(3, counting.ChangesRead);
        Assert.Equal(2, counting.ViewsRead);
        Assert.Equal(
            [("shop.added", MirrorChangeKind.Added), ("shop.v07", MirrorChangeKind.Changed), ("shop.v08", MirrorChangeKind.Removed)],
            outcome.Delta.Changes.Select(c => (c.Key.ToSqlPath(), c.Kind)));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        var message = (await fixture.Sandbox.GitAsync(fixture.Remote, "log", "-1", "--format=%B", "main")).TrimEnd();
        Assert.StartsWith("Sync catalog branch main at ", message, StringComparison.Ordinal);
        Assert.Contains("Changed: shop.v07", message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_catalog_branch_gets_a_git_branch_cut_from_main_and_only_its_changes()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        await fixture.CreateViewAsync("dev", "shop.c");
        await fixture.ExecAsync("dev", "DROP VIEW shop.a");

        // Act
        var outcome = await fixture.NewSync("dev").SyncAsync();

        // Assert
        Assert.False(outcome.Delta.IsBootstrap);
        Assert.Equal(await fixture.ExpectedMirrorAsync("dev"), await fixture.RemoteMirrorAsync("dev"));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.Equal("main", (await fixture.Remote.History.FindWatermarkAsync("main"))!.CatalogRef);
        Assert.Equal("dev", (await fixture.Remote.History.FindWatermarkAsync("dev"))!.CatalogRef);
        var diff = await fixture.Sandbox.GitAsync(fixture.Remote, "diff", "--no-renames", "--name-status", "main", "dev");
        Assert.Equal("D\tshop/a.sql\nA\tshop/c.sql\n", diff);
    }

    [Fact(Timeout = 60_000)]
    public async Task FetchCatalogDelta_alone_is_a_dry_run_and_CommitMirror_commits_exactly_that_delta()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        var sync = fixture.NewSync();

        // Act
        var delta = await sync.FetchDeltaAsync();
        var before = await fixture.RemoteMirrorAsync("main");
        var status = await fixture.Checkout.WorkTree.IsCleanAsync();
        var outcome = await sync.CommitAsync(delta);

        // Assert
        Assert.Empty(before);
        Assert.True(status);
        Assert.Same(delta, outcome.Delta);
        Assert.Equal(["views/shop/a.sql"], (await fixture.Remote.Objects.ListTreeFilesAsync("main", "views")).ToArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_case_only_collision_moves_the_existing_file_to_its_case_suffixed_name()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.Orders");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.orders", "SELECT amount FROM shop.raw.orders");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Equal(
            [(MirrorChangeKind.Moved, "shop/Orders%~1.sql"), (MirrorChangeKind.Added, "shop/orders.sql")],
            outcome.Delta.Changes.Select(c => (c.Kind, c.Path)));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_watermark_the_catalog_does_not_know_falls_back_to_a_full_comparison_that_deletes_only_adopted_files()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var message = GitCommitMessage.Compose("Old mirror", null, GitWatermark.Trailers("main", new string('a', 64)));
        Tests.Mirror.Git.GitSandbox.WriteFile(fixture.Checkout, "shop/a.sql", "SELECT 'old'\n");
        await Tests.Mirror.Git.GitSandbox.CommitFileAsync(fixture.Checkout, "shop/stale.sql", "SELECT 0\n", message);
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        var before = await fixture.Remote.History.RevParseAsync("main");

        // Act
        var refused = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());
        var remoteAfterRefusal = await fixture.Remote.History.RevParseAsync("main");
        var outcome = await fixture.NewSync(configure: s => s with { AdoptExisting = true }).SyncAsync();

        // Assert
        Assert.Contains("shop/stale.sql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--adopt-existing", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, remoteAfterRefusal);
        Assert.True(outcome.Delta.IsBootstrap);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_empty_mirror_repository_gets_its_first_commit_from_the_sync()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var empty = await GitRepository.InitAsync(fixture.Sandbox.Combine("empty"), options: fixture.Sandbox.Options);
        var sync = new SyncMirror(
            TestViews.Of(fixture.Catalog), empty, new LakehouseManager.Mirror.MirrorFolder(empty.Directory, ""), new SyncSettings("main"));

        // Act
        var outcome = await sync.SyncAsync();

        // Assert
        Assert.Equal(PushState.NoRemote, outcome.Push);
        Assert.NotNull(await empty.History.FindWatermarkAsync());
        Assert.Equal(["shop/a.sql"], (await empty.Objects.ListTreeFilesAsync("HEAD", null)).ToArray());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_delta_lists_the_catalog_branch_and_the_hashes()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        var first = await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        var second = await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var delta = await fixture.NewSync().FetchDeltaAsync();
        var summary = CatalogDeltaSummary.Render(delta);

        // Assert
        Assert.Equal((first, second), (delta.FromHash, delta.ToHash));
        Assert.Contains($"Catalog branch main at {HashText.Short(second)} -> git branch main", summary, StringComparison.Ordinal);
        Assert.Contains("  + shop.b  shop/b.sql", summary, StringComparison.Ordinal);
        Assert.Contains("1 added", summary, StringComparison.Ordinal);
    }
}
