using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class SyncMirrorGitEditTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_human_edit_is_kept_and_reported_as_drift_by_default()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        var edit = Assert.Single(outcome.Delta.GitEdits);
        Assert.Equal((GitEditKind.Edited, GitEditResolution.Kept, "shop/a.sql"), (edit.Kind, edit.Resolution, edit.Path));
        Assert.Contains("changed in git and differs from the catalog", edit.Detail, StringComparison.Ordinal);
        Assert.Empty(outcome.Delta.Changes);
        Assert.Equal("SELECT 42", (await fixture.RemoteMirrorAsync("main"))["shop/a.sql"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_kept_edit_is_carried_in_the_next_mirror_commit_and_still_reported_after_it()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");
        await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var withChange = await fixture.NewSync().SyncAsync();
        var later = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.NotNull(withChange.Commit);
        Assert.Equal(["shop/a.sql"], await fixture.Checkout.History.ReadTrailersAsync(withChange.Commit!, SyncCommitMessage.DriftTrailer));
        Assert.Equal("shop/a.sql", Assert.Single(later.Delta.GitEdits).Path);
        Assert.Null(later.Commit);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_revert_policy_overwrites_a_human_edit_with_the_catalog_view()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");

        // Act
        var outcome = await fixture.NewSync(policy: OnGitEdit.Revert).SyncAsync();

        // Assert
        Assert.Equal(GitEditResolution.Reverted, Assert.Single(outcome.Delta.GitEdits).Resolution);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_fail_policy_stops_before_anything_is_written_and_names_the_file()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");
        await fixture.CreateViewAsync("main", "shop.b");
        var before = await fixture.Checkout.History.RevParseAsync("HEAD");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync(policy: OnGitEdit.Fail).SyncAsync());

        // Assert
        Assert.Contains("shop/a.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("--on-git-edit", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Checkout.History.RevParseAsync("HEAD"));
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_human_edit_of_a_view_the_catalog_also_changed_is_a_conflict_that_is_reported_not_overwritten()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/a.sql", "SELECT 42\n");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT amount FROM shop.raw.orders");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        var edit = Assert.Single(outcome.Delta.GitEdits);
        Assert.Equal(GitEditKind.ConflictsWithCatalog, edit.Kind);
        Assert.Equal("SELECT 42", (await fixture.RemoteMirrorAsync("main"))["shop/a.sql"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_sql_file_that_maps_to_no_view_is_reported_and_left_alone()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.EditAndPushAsync("shop/bad%zz.sql", "SELECT 1\n");
        await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        var edit = Assert.Single(outcome.Delta.GitEdits);
        Assert.Equal((GitEditKind.Unmappable, "shop/bad%zz.sql"), (edit.Kind, edit.Path));
        Assert.True((await fixture.RemoteMirrorAsync("main")).ContainsKey("shop/bad%zz.sql"));
        Assert.True((await fixture.RemoteMirrorAsync("main")).ContainsKey("shop/b.sql"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Files_outside_the_mirror_folder_are_never_touched()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.EditAndPushAsync("other/x.sql", "SELECT 'not a view'\n");
        await fixture.CreateViewAsync("main", "shop.a");

        // Act
        await fixture.NewSync().SyncAsync();

        // Assert
        var files = await fixture.Remote.Objects.ListTreeFilesAsync("main", null);
        Assert.Equal(["README.md", "other/x.sql", "views/shop/a.sql"], files.Order(StringComparer.Ordinal).ToArray());
    }
}
