using System.Security.Cryptography;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// FetchCatalogDelta on its own is a real dry run (issue 8, item 8): it reads git state from refs and objects, and never
/// switches, resets or writes the checkout; only the remote-tracking refs move with the fetch.
/// </summary>
public sealed class FetchCatalogDeltaDryRunTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_dry_run_reads_the_fetched_branch_and_leaves_the_checkout_exactly_as_it_was()
    {
        // Arrange: the checkout is on another branch with work in progress, and its main is behind the remote.
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.NewSync().SyncAsync();
        var localMain = await fixture.Checkout.History.RevParseAsync("main");
        var other = await fixture.CloneAsync("other");
        await GitSandbox.CommitFileAsync(other, "views/shop/b.sql", "SELECT 'edited by hand'\n", "Edit b by hand");
        await other.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.c");
        await fixture.Checkout.History.CreateBranchAsync("work", "main");
        await fixture.Checkout.WorkTree.CheckoutAsync("work");
        GitSandbox.WriteFile(fixture.Checkout, "views/shop/a.sql", "SELECT 'work in progress'\n");
        var gitDirectory = await fixture.Checkout.GetGitDirectoryAsync();
        var index = Fingerprint(Path.Combine(gitDirectory, "index"));
        var status = await fixture.Checkout.WorkTree.GetStatusAsync();

        // Act
        var delta = await fixture.NewSync().FetchDeltaAsync();

        // Assert: the delta is the remote main's, with the human edit seen as drift.
        Assert.Equal(await fixture.Remote.History.RevParseAsync("main"), delta.GitHead);
        Assert.Equal(["shop/c.sql"], delta.Changes.Select(c => c.Path));
        Assert.Equal(["shop/b.sql"], delta.GitEdits.Select(e => e.Path));

        // Assert: nothing of the checkout moved.
        Assert.Equal("work", await fixture.Checkout.WorkTree.GetCurrentBranchAsync());
        Assert.Equal(localMain, await fixture.Checkout.History.RevParseAsync("main"));
        Assert.Equal(index, Fingerprint(Path.Combine(gitDirectory, "index")));
        Assert.Equal(status, await fixture.Checkout.WorkTree.GetStatusAsync());
        Assert.Equal("SELECT 'work in progress'\n", File.ReadAllText(Path.Combine(fixture.Checkout.Directory, "views", "shop", "a.sql")));
        Assert.False(File.Exists(Path.Combine(gitDirectory, "lakehouse-manager", "sync-in-progress")));
        Assert.Equal(delta.GitHead, await fixture.Checkout.History.RevParseAsync("refs/remotes/origin/main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_dry_run_of_a_branch_only_the_catalog_has_reads_where_the_sync_would_start_it()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        await fixture.CreateViewAsync("dev", "shop.b");

        // Act
        var delta = await fixture.NewSync("dev").FetchDeltaAsync();
        var createdByDryRun = await fixture.Checkout.History.LocalBranchExistsAsync("dev");
        var synced = await fixture.NewSync("dev").SyncAsync();

        // Assert
        Assert.False(createdByDryRun);
        Assert.Equal(await fixture.Remote.History.RevParseAsync("main"), delta.GitHead);
        Assert.Equal(["shop/b.sql"], delta.Changes.Select(c => c.Path));
        Assert.Equal(delta.Changes, synced.Delta.Changes);
    }

    private static string Fingerprint(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
