using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogScaleTests
{
    [Fact(Timeout = 60_000)]
    public async Task Ten_thousand_views_commit_at_once_and_a_one_view_change_diffs_to_one_entry()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var start = await catalog.GetBranchAsync("main");
        var operations = Enumerable.Range(0, 10_000)
            .Select(i => ViewOperation.Put(
                ContentKey.Of("shop", $"ns{i % 100:D3}", $"view{i:D5}"), $"SELECT {i} AS n"))
            .ToList();

        var bulk = await catalog.CommitAsync("main", start.Hash, operations, "bulk load");
        var edit = await catalog.CommitAsync(
            "main", bulk.Hash, [ViewOperation.Put(ContentKey.Of("shop", "ns042", "view00042"), "SELECT 42 AS changed")], "edit");

        var firstPage = await catalog.ListViewsAsync(edit.Hash, null, 500);
        var bulkDiff = await catalog.DiffAsync(start.Hash, bulk.Hash, null, 500);
        var incremental = await DiffAsync(catalog, bulk.Hash, edit.Hash);
        var changed = await catalog.GetViewsAsync(edit.Hash, [ContentKey.Of("shop", "ns042", "view00042")]);

        Assert.Equal(500, firstPage.Items.Count);
        Assert.Equal("shop.ns000.view00000", firstPage.Items[0].Key.ToString());
        Assert.Equal(500, bulkDiff.Items.Count);
        Assert.True(bulkDiff.HasMore);
        Assert.Equal(["Modified shop.ns042.view00042"], incremental);
        Assert.Equal("SELECT 42 AS changed", Assert.Single(changed).Sql);
    }
}
