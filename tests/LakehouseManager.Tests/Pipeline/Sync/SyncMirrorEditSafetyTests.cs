using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>Human edits stay protected in the less common paths of a sync.</summary>
public sealed class SyncMirrorEditSafetyTests
{
    [Fact(Timeout = 60_000)]
    public async Task Kept_edits_stay_protected_when_the_catalog_no_longer_has_the_watermark_commit()
    {
        // Arrange: an edit is kept; then the catalog is recreated, so the watermark's catalog commit is unknown.
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");
        await using var recreated = await SyncFixture.CreateAsync();
        await recreated.CreateViewAsync("main", "shop.a", "SELECT amount FROM shop.raw.orders");
        var sync = fixture.NewSync(catalog: recreated.Catalog);

        // Act
        var outcome = await sync.SyncAsync();

        // Assert
        var edit = Assert.Single(outcome.Delta.GitEdits);
        Assert.Equal(("shop/a.sql", GitEditResolution.Kept), (edit.Path, edit.Resolution));
        Assert.Equal("SELECT 42", (await fixture.RemoteMirrorAsync("main"))["shop/a.sql"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_kept_edit_is_carried_forward_however_many_there_are()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        const int count = 120;
        for (var i = 0; i < count; i++)
        {
            await fixture.CreateViewAsync("main", $"shop.v{i:D3}");
        }

        await fixture.NewSync().SyncAsync();
        for (var i = 0; i < count; i++)
        {
            GitSandbox.WriteFile(fixture.Checkout, $"shop/v{i:D3}.sql", $"SELECT {i}\n");
        }

        await fixture.Checkout.WorkTree.StageAsync();
        await fixture.Checkout.WorkTree.CommitAsync("Edit every view by hand");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.new");
        var withChange = await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.v119", "SELECT amount FROM shop.raw.orders");

        // Act
        var later = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Equal(count, (await fixture.Checkout.History.ReadTrailersAsync(withChange.Commit!, SyncCommitMessage.DriftTrailer)).Count);
        Assert.Contains(later.Delta.GitEdits, e => e.Path == "shop/v119.sql" && e.Kind == GitEditKind.ConflictsWithCatalog);
        Assert.Equal("SELECT 119", (await fixture.RemoteMirrorAsync("main"))["shop/v119.sql"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_kept_edit_moves_aside_when_a_case_only_collision_appears_so_no_two_names_clash()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.Orders");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/Orders.sql", "SELECT 'kept'\n");
        await fixture.CreateViewAsync("main", "shop.orders", "SELECT amount FROM shop.raw.orders");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        var files = await fixture.RemoteMirrorAsync("main");
        Assert.Equal(["shop/Orders%~1.sql", "shop/orders.sql"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("SELECT 'kept'", files["shop/Orders%~1.sql"]);
        Assert.Single(outcome.Delta.GitEdits);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_race_with_an_unpushed_human_commit_does_not_replay_the_sync_over_a_concurrent_edit()
    {
        // Arrange: the checkout has a human commit not pushed yet; while the sync runs, a human pushes an edit.
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.NewSync().SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "NOTES.md", "notes\n", "Notes, not pushed yet");
        var human = await fixture.CloneAsync("human");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT amount FROM shop.raw.orders");
        var raced = false;
        var sync = fixture.NewSync(hook: async (step, _) =>
        {
            if (step == SyncStep.Committed && !raced)
            {
                raced = true;
                await GitSandbox.CommitFileAsync(human, "shop/b.sql", "SELECT 'by hand'\n", "Hand edit");
                Assert.True((await human.Remotes.PushAsync("origin", "main")).IsPushed);
            }
        });

        // Act
        var outcome = await sync.SyncAsync();
        await fixture.CreateViewAsync("main", "shop.b", "SELECT 'catalog'");
        var next = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Contains(outcome.Delta.GitEdits, e => e.Path == "shop/b.sql" && e.Kind == GitEditKind.Edited);
        Assert.Contains(next.Delta.GitEdits, e => e.Path == "shop/b.sql" && e.Kind == GitEditKind.ConflictsWithCatalog);
        var files = await fixture.RemoteMirrorAsync("main");
        Assert.Equal("SELECT 'by hand'", files["shop/b.sql"]);
        Assert.Equal("SELECT amount FROM shop.raw.orders", files["shop/a.sql"]);
        Assert.Contains("NOTES.md", await fixture.Remote.Objects.ListTreeFilesAsync("main", null));
    }
}
