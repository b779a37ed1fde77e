using System.Text.Json;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class CatalogDeltaJsonTests
{
    [Fact]
    public void The_delta_file_holds_every_change_with_its_key_path_and_exact_sql()
    {
        const string sql = "SELECT \"a\"\r\n  FROM t -- ünïcode ✓\n";
        var delta = new CatalogDelta(
            "dev",
            "views",
            null,
            "ffff0000",
            null,
            "1234",
            [
                new MirrorChange(ContentKey.Of("shop", "a.b"), MirrorChangeKind.Added, "views/shop/a.b.sql", sql),
                new MirrorChange(ContentKey.Of("shop", "gone"), MirrorChangeKind.Removed, "views/shop/gone.sql", null),
                new MirrorChange(ContentKey.Of("shop", "Orders"), MirrorChangeKind.Moved, "views/shop/Orders%~1.sql", "SELECT 1", "views/shop/Orders.sql"),
            ],
            [new GitEdit("views/shop/x.sql", ContentKey.Of("shop", "x"), GitEditKind.ConflictsWithCatalog, GitEditResolution.Kept, "both changed")],
            [new UnresolvedView(ContentKey.Of("shop", "unreadable"), "the metadata file is gone")],
            [new ViewRename(ContentKey.Of("shop", "old"), ContentKey.Of("shop", "a.b"), "3f1c")]);

        using var json = JsonDocument.Parse(CatalogDeltaJson.Write(delta));
        var root = json.RootElement;

        Assert.True(root.GetProperty("bootstrap").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fromHash").ValueKind);
        Assert.Equal("ffff0000", root.GetProperty("toHash").GetString());
        var added = Assert.Single(root.GetProperty("added").EnumerateArray());
        Assert.Equal(sql, added.GetProperty("sql").GetString());
        Assert.Equal("shop.\"a.b\"", added.GetProperty("view").GetString());
        Assert.Equal(["shop", "a.b"], added.GetProperty("key").EnumerateArray().Select(e => e.GetString()!));
        var removed = Assert.Single(root.GetProperty("removed").EnumerateArray());
        Assert.False(removed.TryGetProperty("sql", out _));
        var moved = Assert.Single(root.GetProperty("moved").EnumerateArray());
        Assert.Equal("views/shop/Orders.sql", moved.GetProperty("previousPath").GetString());
        Assert.Empty(root.GetProperty("changed").EnumerateArray());
        var edit = Assert.Single(root.GetProperty("gitEdits").EnumerateArray());
        Assert.Equal("conflictsWithCatalog", edit.GetProperty("kind").GetString());
        Assert.Equal("kept", edit.GetProperty("resolution").GetString());
    }
}
