using LakehouseManager.Composition;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Catalog.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.EndToEnd;

/// <summary>Syncs of a Nessie-based catalog: cost, unreadable views, a catalog that moves between the two steps.</summary>
public sealed class NessieSyncTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(40)]
    [InlineData(400)]
    public async Task An_incremental_sync_of_one_changed_view_makes_at_most_five_requests_whatever_the_catalog_size(int size)
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.Dremio);
        var seed = NessieFakeSeeder.Seed(world.Nessie, size);
        await using (var first = world.Lakehouse())
        {
            await new LakehousePipeline(first).SyncAsync("main");
        }

        world.Nessie.Views.AlterView("main", seed.Views[3], "SELECT 'changed'");
        world.Nessie.ResetRequests();
        var dremioBefore = world.Dremio.Requests.Count;
        await using var lakehouse = world.Lakehouse();

        var outcome = await new LakehousePipeline(lakehouse).SyncAsync("main");

        var requests = world.Nessie.TotalRequests + world.Dremio.Requests.Count - dremioBefore;
        Assert.Equal(MirrorChangeKind.Changed, Assert.Single(outcome.Delta.Changes).Kind);
        // The Nessie server is found through the source once per run (--nessie-url saves that request).
        Assert.Equal(5, requests);
        Assert.Equal(
            ["GET trees/{from}/diff/{to}", "GET trees/{ref}", "POST trees/{ref}/contents"],
            world.Nessie.RequestCounts.Keys);
        Assert.Equal(
            ["catalog/by-path/lakehouse", "catalog/by-paths"],
            world.Dremio.Requests.Skip(dremioBefore).Select(r => r.ApiPath));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_view_whose_sql_cannot_be_read_keeps_its_file_and_the_next_sync_reads_it_again()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.Nessie);
        var key = NessieTestKit.Key("sales.revenue");
        world.Nessie.Views.CreateView("main", key, "SELECT 1 AS revenue");
        await using var lakehouse = world.Lakehouse();
        var pipeline = new LakehousePipeline(lakehouse);
        await pipeline.SyncAsync("main");
        world.Nessie.Views.AlterView("main", key, "SELECT 2 AS revenue");
        var metadata = new Uri(world.Nessie.Repository.ContentAt("main", key)!.MetadataLocation!).LocalPath;
        var saved = await File.ReadAllTextAsync(metadata);
        world.Nessie.Views.MakeUnreadable("main", key);
        var file = Path.Combine(world.Checkout.Directory, "views", "sales", "revenue.sql");

        var unreadable = await pipeline.SyncAsync("main");
        var keptText = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(metadata, saved);
        var readable = await pipeline.SyncAsync("main");

        var unresolved = Assert.Single(unreadable.Delta.Unresolved);
        Assert.Equal(key, unresolved.Key);
        Assert.Contains("does not exist", unresolved.Reason, StringComparison.Ordinal);
        Assert.Contains("only Dremio's placeholder", unresolved.Reason, StringComparison.Ordinal);
        Assert.Empty(unreadable.Delta.Changes);
        Assert.Equal("SELECT 1 AS revenue\n", keptText);
        Assert.Equal(MirrorChangeKind.Changed, Assert.Single(readable.Delta.Changes).Kind);
        Assert.Equal("SELECT 2 AS revenue\n", await File.ReadAllTextAsync(file));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_catalog_commit_between_fetch_and_commit_is_not_lost_the_next_sync_takes_it()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.DremioCloud);
        world.Nessie.Views.CreateView("main", NessieTestKit.Key("sales.a"), "SELECT 'a1'");
        await using var lakehouse = world.Lakehouse();
        var pipeline = new LakehousePipeline(lakehouse);
        await pipeline.SyncAsync("main");
        var fetchedAt = world.Nessie.Views.AlterView("main", NessieTestKit.Key("sales.a"), "SELECT 'a2'");

        var delta = await pipeline.FetchCatalogDeltaAsync("main");
        world.Nessie.Views.CreateView("main", NessieTestKit.Key("sales.b"), "SELECT 'b1'");
        var committed = await pipeline.CommitMirrorAsync("main");
        var next = await pipeline.SyncAsync("main");

        Assert.Equal(fetchedAt, delta.ToHash);
        Assert.Equal(fetchedAt, committed.Delta.ToHash);
        Assert.Equal(NessieTestKit.Key("sales.b"), Assert.Single(next.Delta.Changes).Key);
        Assert.Equal(world.Nessie.Head(), next.Delta.ToHash);
        Assert.Equal("SELECT 'b1'\n", await File.ReadAllTextAsync(Path.Combine(world.Checkout.Directory, "views", "sales", "b.sql")));
    }
}
