using LakehouseManager.Catalog;
using LakehouseManager.Composition;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Merge;

/// <summary>The real loop (Sync, git merges, MergeCatalog) when the target was merged into the branch under review.</summary>
public sealed class MergeCatalogAfterMergingMainTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_branch_brought_up_to_date_with_main_merges_its_own_reviewed_state_not_mains()
    {
        // Arrange: dev adds a view and is synced; main moves on and is synced later; dev takes main in, both in the
        // catalog and in git, so the next sync of dev has nothing to commit and main's mirror commit is the newest.
        await using var fixture = await SyncFixture.CreateAsync("views");
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            CatalogPath = fixture.Catalog.Path,
            RepoPath = fixture.Checkout.Directory,
            MirrorPath = fixture.MirrorPath,
            ArtifactsDirectory = fixture.Sandbox.Combine("artifacts"),
            Git = fixture.Sandbox.Options,
        });
        var pipeline = new LakehousePipeline(lakehouse);
        await fixture.CreateViewAsync("main", "shop.a");
        await pipeline.SyncAsync("main");
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        await fixture.CreateViewAsync("dev", "shop.added_on_dev");
        await pipeline.SyncAsync("dev");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT amount FROM shop.raw.orders");

        // git orders commits by their date, to the second: main's mirror commit must be the newer one for this story.
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await pipeline.SyncAsync("main");
        await fixture.ExecAsync("dev", "MERGE BRANCH main INTO dev");
        await fixture.Checkout.WorkTree.CheckoutAsync("dev");
        await fixture.Checkout.Merges.MergeAsync("main", "Merge main into dev\n");
        await fixture.Checkout.Remotes.PushAsync("origin", "dev");
        var resync = await pipeline.SyncAsync("dev");
        await fixture.Checkout.WorkTree.CheckoutAsync("main");
        await fixture.Checkout.Merges.MergeAsync("dev", "Merge pull request dev into main\n");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");

        // Act
        var result = await pipeline.MergeCatalogAsync(PullRequestSelector.ByBranches("dev", "main"));

        // Assert
        Assert.Null(resync.Commit);
        Assert.Equal("main", (await fixture.Checkout.History.FindWatermarkAsync("dev"))!.CatalogRef);
        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.Equal("dev", result.Watermark.CatalogRef);
        var views = await fixture.Catalog.GetViewsAsync(
            (await fixture.Catalog.GetBranchAsync("main")).Hash, [ContentKey.Of("shop", "added_on_dev")]);
        Assert.Single(views);
        Assert.True((await pipeline.VerifyMirrorAsync("main")).Agrees);
    }
}
