using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class SyncMirrorRenameTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_view_renamed_in_the_catalog_moves_its_file_and_reads_as_a_rename_everywhere()
    {
        // Arrange: shop.old is renamed to shop.recent in the catalog (same content id, same SQL).
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.old", "SELECT 1 AS v");
        await fixture.CreateViewAsync("main", "shop.kept", "SELECT 2 AS v");
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "DROP VIEW shop.old", "CREATE VIEW shop.recent AS SELECT 1 AS v");
        var catalog = new ContentIdCatalog(fixture.Catalog);
        catalog.Ids[ContentKey.Of("shop", "old")] = "0b6f1d1c-id";
        catalog.Ids[ContentKey.Of("shop", "recent")] = "0b6f1d1c-id";

        // Act
        var outcome = await fixture.NewSync(catalog: catalog).SyncAsync();

        // Assert
        var delta = outcome.Delta;
        Assert.Equal(new ViewRename(ContentKey.Of("shop", "old"), ContentKey.Of("shop", "recent"), "0b6f1d1c-id"), Assert.Single(delta.Renames));
        Assert.Equal("1 renamed", SyncCommitMessage.Counts(delta));
        var summary = CatalogDeltaSummary.Render(delta);
        Assert.Contains("» shop.old -> shop.recent  views/shop/old.sql -> views/shop/recent.sql", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("- shop.old", summary, StringComparison.Ordinal);
        var message = await fixture.Sandbox.GitAsync(fixture.Checkout, "log", "-1", "--format=%B", outcome.Commit!);
        Assert.StartsWith($"Sync catalog branch main at {HashText.Short(delta.ToHash)}: 1 renamed", message, StringComparison.Ordinal);
        Assert.Contains("Renamed in the catalog: shop.old -> shop.recent", message, StringComparison.Ordinal);
        Assert.Equal(["shop/kept.sql", "shop/recent.sql"], (await fixture.RemoteMirrorAsync("main")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(delta.Renames, CatalogDeltaJsonReader.Read(CatalogDeltaJson.Write(delta), "delta.json").Renames);
    }
}
