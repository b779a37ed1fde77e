using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// The deletion guard (issue 8, item 1): a sync never removes all of the mirror, or most of a large one, unless told to;
/// it refuses with nothing written, says how many, gives examples, and names the flag.
/// </summary>
public sealed class SyncMirrorDeletionGuardTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_sync_that_would_remove_every_mirror_file_refuses_names_the_flag_and_writes_nothing()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await CreateViewsAsync(fixture, 3);
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "DROP VIEW shop.v00", "DROP VIEW shop.v01", "DROP VIEW shop.v02");
        var remote = await fixture.Remote.History.RevParseAsync("main");
        var head = await fixture.Checkout.History.RevParseAsync("HEAD");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());

        // Assert
        Assert.Contains("would remove 3 of the 3 file(s) of the mirror of branch 'main' (views/), all of it", error.Message, StringComparison.Ordinal);
        Assert.Contains("views/shop/v00.sql, views/shop/v01.sql, views/shop/v02.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-mass-delete", error.Message, StringComparison.Ordinal);
        Assert.Equal(remote, await fixture.Remote.History.RevParseAsync("main"));
        Assert.Equal(head, await fixture.Checkout.History.RevParseAsync("HEAD"));
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
        Assert.True(File.Exists(Path.Combine(fixture.Checkout.Directory, "views", "shop", "v00.sql")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_catalog_branch_with_no_views_mirrored_onto_a_mirror_with_files_is_refused_the_same_way()
    {
        // Arrange: catalog branch 'empty' is cut before any view exists; git branch 'empty' starts from main's mirror.
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH empty");
        await CreateViewsAsync(fixture, 2);
        await fixture.NewSync().SyncAsync();

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync("empty").SyncAsync());

        // Assert
        Assert.Contains("would remove 2 of the 2 file(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Catalog branch 'empty'", error.Message, StringComparison.Ordinal);
        Assert.Contains("has none of the mirror's views: check --catalog-path", error.Message, StringComparison.Ordinal);
        Assert.False(await fixture.Remote.History.LocalBranchExistsAsync("empty"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public async Task More_than_half_of_a_mirror_of_more_than_twenty_files_is_refused_and_half_is_not(int dropped, bool allowed)
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await CreateViewsAsync(fixture, 22);
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", [.. Enumerable.Range(0, dropped).Select(i => $"DROP VIEW shop.v{i:00}")]);

        // Act
        var error = await Record.ExceptionAsync(() => fixture.NewSync().SyncAsync());

        // Assert
        if (allowed)
        {
            Assert.Null(error);
            Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        }
        else
        {
            var refusal = Assert.IsType<LakehouseException>(error);
            Assert.Contains($"would remove {dropped} of the 22 file(s)", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("more than 50% of a mirror of more than 20 files", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("and 7 more", refusal.Message, StringComparison.Ordinal);
            Assert.Equal(22, (await fixture.RemoteMirrorAsync("main")).Count);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Allow_mass_delete_lets_a_catalog_that_dropped_every_view_empty_the_mirror()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await CreateViewsAsync(fixture, 2);
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "DROP VIEW shop.v00", "DROP VIEW shop.v01");

        // Act
        var outcome = await fixture.NewSync(configure: s => s with { AllowMassDelete = true }).SyncAsync();

        // Assert
        Assert.Equal(2, outcome.Delta.Count(MirrorChangeKind.Removed));
        Assert.Empty(await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task FetchCatalogDelta_refuses_a_mass_deletion_too_so_the_dry_run_shows_it()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await CreateViewsAsync(fixture, 2);
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "DROP VIEW shop.v00", "DROP VIEW shop.v01");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().FetchDeltaAsync());

        // Assert
        Assert.Contains("would remove 2 of the 2 file(s)", error.Message, StringComparison.Ordinal);
    }

    private static async Task CreateViewsAsync(SyncFixture fixture, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await fixture.CreateViewAsync("main", $"shop.v{i:00}");
        }
    }
}
