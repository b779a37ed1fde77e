using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>A view whose SQL cannot be read is never taken for a deleted one (issue: the view-SQL port).</summary>
public sealed class SyncMirrorUnresolvedTests
{
    private static readonly ContentKey s_daily = ContentKey.Of("shop", "daily");

    [Fact(Timeout = 60_000)]
    public async Task A_view_that_cannot_be_read_keeps_its_file_is_reported_and_is_picked_up_once_it_resolves()
    {
        // Arrange: two views mirrored; then both change, and one of them cannot be read for a while.
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.daily", "SELECT 1 AS v");
        await fixture.CreateViewAsync("main", "shop.monthly", "SELECT 2 AS v");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.daily", "SELECT 10 AS v");
        await fixture.CreateViewAsync("main", "shop.monthly", "SELECT 20 AS v");
        var resolver = new SwitchableResolver();
        resolver.Failing.Add(s_daily);

        // Act: a sync while it fails, then one once it resolves, with no catalog change in between.
        var failing = await fixture.NewSync(resolver: resolver).SyncAsync();
        var filesWhileFailing = await fixture.RemoteMirrorAsync("main");
        var message = await fixture.Sandbox.GitAsync(fixture.Checkout, "log", "-1", "--format=%B", failing.Commit!);
        resolver.Failing.Clear();
        var healed = await fixture.NewSync(resolver: resolver).SyncAsync();

        // Assert
        Assert.Equal(new UnresolvedView(s_daily, "its metadata file could not be read"), Assert.Single(failing.Delta.Unresolved));
        Assert.Equal("SELECT 1 AS v", filesWhileFailing["shop/daily.sql"]);
        Assert.Equal("SELECT 20 AS v", filesWhileFailing["shop/monthly.sql"]);
        Assert.Contains($"{SyncCommitMessage.PendingTrailer}: shop/daily.sql", message, StringComparison.Ordinal);
        Assert.Contains("shop.daily: its metadata file could not be read", message, StringComparison.Ordinal);
        Assert.Contains("? shop.daily", CatalogDeltaSummary.Render(failing.Delta), StringComparison.Ordinal);
        Assert.Contains("\"unresolved\": [", CatalogDeltaJson.Write(failing.Delta), StringComparison.Ordinal);
        Assert.Empty(healed.Delta.Unresolved);
        Assert.Equal([MirrorChangeKind.Changed], healed.Delta.Changes.Select(c => c.Kind));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.DoesNotContain(
            SyncCommitMessage.PendingTrailer, await fixture.Sandbox.GitAsync(fixture.Checkout, "log", "-1", "--format=%B", healed.Commit!), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_that_stays_unreadable_is_never_deleted_and_stays_pending_across_syncs()
    {
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.daily", "SELECT 1 AS v");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.daily", "SELECT 10 AS v");
        var resolver = new SwitchableResolver();
        resolver.Failing.Add(s_daily);

        var outcomes = new List<SyncOutcome>();
        for (var i = 0; i < 3; i++)
        {
            await fixture.CreateViewAsync("main", $"shop.other_{i}", $"SELECT {i} AS v");
            outcomes.Add(await fixture.NewSync(resolver: resolver).SyncAsync());
        }

        var files = await fixture.RemoteMirrorAsync("main");
        Assert.All(outcomes, o => Assert.Equal(s_daily, Assert.Single(o.Delta.Unresolved).Key));
        Assert.All(outcomes, o => Assert.DoesNotContain(o.Delta.Changes, c => c.Key == s_daily));
        Assert.Equal("SELECT 1 AS v", files["shop/daily.sql"]);
        Assert.Equal(4, files.Count);
        foreach (var outcome in outcomes)
        {
            Assert.Contains(
                $"{SyncCommitMessage.PendingTrailer}: shop/daily.sql",
                await fixture.Sandbox.GitAsync(fixture.Checkout, "log", "-1", "--format=%B", outcome.Commit!),
                StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_first_sync_neither_writes_nor_deletes_the_file_of_an_unreadable_view()
    {
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.daily", "SELECT 1 AS v");
        await fixture.CreateViewAsync("main", "shop.monthly", "SELECT 2 AS v");
        var resolver = new SwitchableResolver();
        resolver.Failing.Add(s_daily);

        var outcome = await fixture.NewSync(resolver: resolver).SyncAsync();

        Assert.True(outcome.Delta.IsBootstrap);
        Assert.Equal([ContentKey.Of("shop", "monthly")], outcome.Delta.Changes.Select(c => c.Key));
        Assert.Equal(s_daily, Assert.Single(outcome.Delta.Unresolved).Key);
        Assert.Equal(["shop/monthly.sql"], (await fixture.RemoteMirrorAsync("main")).Keys);
    }
}
