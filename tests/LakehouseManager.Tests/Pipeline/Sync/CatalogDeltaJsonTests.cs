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

    [Fact]
    public void Foreign_files_a_move_and_the_masking_mark_survive_the_file_and_a_secret_in_the_sql_marks_it()
    {
        // Arrange
        var delta = new CatalogDelta(
            "dev", "sql", null, "ffff0000", null, "1234",
            [new MirrorChange(ContentKey.Of("shop", "a"), MirrorChangeKind.Added, "shop/a.sql", "SELECT 'tok3n-secret'")],
            [], [], [])
        {
            Foreign = ["migrations/001.sql"],
            Move = new MirrorMove("views", "abcd1234", ["views/shop/a.sql"]),
        };
        var redactor = new LakehouseManager.Security.SecretRedactor(["tok3n-secret"]);

        // Act
        var plain = CatalogDeltaJsonReader.Read(CatalogDeltaJson.Write(delta), "delta.json");
        var marked = CatalogDeltaJsonReader.Read(CatalogDeltaJson.Write(delta, redactor), "delta.json");

        // Assert
        Assert.Equal(["migrations/001.sql"], plain.Foreign);
        Assert.Equal(delta.Move.FromPath, plain.Move!.FromPath);
        Assert.Equal(delta.Move.WatermarkCommit, plain.Move.WatermarkCommit);
        Assert.Equal(delta.Move.Files, plain.Move.Files);
        Assert.False(plain.IsRedacted);
        Assert.True(marked.IsRedacted);
    }

    [Fact]
    public void A_delta_file_of_an_older_format_is_refused_with_what_to_do()
    {
        var json = CatalogDeltaJson.Write(new CatalogDelta("dev", "", null, "ffff0000", null, null, [], [], [], []))
            .Replace("\"format\": 2", "\"format\": 1", StringComparison.Ordinal);

        var error = Assert.Throws<LakehouseException>(() => CatalogDeltaJsonReader.Read(json, "delta.json"));

        Assert.Contains("its format is 1, and this version reads format 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("run FetchCatalogDelta", error.Message, StringComparison.Ordinal);
    }
}
