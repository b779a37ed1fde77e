using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class SyncCommitMessageTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_message_lists_the_views_and_ends_with_the_watermark_trailers()
    {
        var delta = Delta(
            new MirrorChange(ContentKey.Of("shop", "sales", "b"), MirrorChangeKind.Changed, "shop/sales/b.sql", "SELECT 2"),
            new MirrorChange(ContentKey.Of("shop", "sales", "a"), MirrorChangeKind.Added, "shop/sales/a.sql", "SELECT 1"),
            new MirrorChange(ContentKey.Of("shop", "old"), MirrorChangeKind.Removed, "shop/old.sql", null));

        var message = SyncCommitMessage.Render(delta);

        Assert.Equal(
            "Sync catalog branch dev at 0123456789ab: 1 added, 1 changed, 1 removed\n" +
            "\n" +
            "Added:   shop.sales.a\n" +
            "Changed: shop.sales.b\n" +
            "Removed: shop.old\n" +
            "\n" +
            "Catalog-Ref: dev\n" +
            $"Catalog-Commit: {Hash}\n" +
            "Catalog-Mirror-Path: .\n",
            message);
    }

    [Fact]
    public void Kept_git_edits_are_carried_as_drift_trailers_but_unmappable_files_are_not()
    {
        var delta = Delta(new MirrorChange(ContentKey.Of("a"), MirrorChangeKind.Added, "a.sql", "SELECT 1")) with
        {
            GitEdits =
            [
                new GitEdit("shop/x.sql", ContentKey.Of("shop", "x"), GitEditKind.Edited, GitEditResolution.Kept, "edited"),
                new GitEdit("notes%zz.sql", null, GitEditKind.Unmappable, GitEditResolution.Kept, "bad escape"),
                new GitEdit("shop/y.sql", ContentKey.Of("shop", "y"), GitEditKind.Edited, GitEditResolution.Reverted, "reverted"),
            ],
        };

        var message = SyncCommitMessage.Render(delta);

        Assert.Contains("Catalog-Drift: shop/x.sql\n", message, StringComparison.Ordinal);
        Assert.DoesNotContain("notes%zz.sql", message, StringComparison.Ordinal);
        Assert.DoesNotContain("shop/y.sql", message, StringComparison.Ordinal);
        Assert.Contains("Kept git edits (drift): 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_list_of_views_is_cut_with_a_count_of_the_rest()
    {
        var changes = Enumerable.Range(0, SyncCommitMessage.MaxListedViews + 7)
            .Select(i => new MirrorChange(ContentKey.Of("ns", $"v{i:D3}"), MirrorChangeKind.Added, $"ns/v{i:D3}.sql", "SELECT 1"))
            .ToArray();

        var message = SyncCommitMessage.Render(Delta(changes));

        Assert.Contains("... and 7 more\n", message, StringComparison.Ordinal);
        Assert.Equal(SyncCommitMessage.MaxListedViews, message.Split('\n').Count(l => l.StartsWith("Added:", StringComparison.Ordinal)));
        Assert.EndsWith($"Catalog-Commit: {Hash}\nCatalog-Mirror-Path: .\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_leave_out_kinds_without_changes()
    {
        Assert.Equal("no change", SyncCommitMessage.Counts(Delta()));
        Assert.Equal(
            "2 moved",
            SyncCommitMessage.Counts(Delta(
                new MirrorChange(ContentKey.Of("a"), MirrorChangeKind.Moved, "a.sql", "x", "A.sql"),
                new MirrorChange(ContentKey.Of("b"), MirrorChangeKind.Moved, "b.sql", "x", "B.sql"))));
    }

    private static CatalogDelta Delta(params MirrorChange[] changes) =>
        new("dev", "", "aaaaaaaa", Hash, "abc", "def", changes, [], [], []);
}
