using LakehouseManager.Mirror;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>What the mirror repository's own configuration (attributes, ignore rules, remotes, layout) does to a sync.</summary>
public sealed class SyncMirrorRepositoryTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("* text=auto\n", "SELECT id\r\nFROM shop.raw.orders", "CRLF line endings")]
    [InlineData("*.sql filter=reformat\n", "SELECT id FROM shop.raw.orders", "filter=reformat")]
    [InlineData("*.sql working-tree-encoding=UTF-16\n", "SELECT id FROM shop.raw.orders", "working-tree-encoding=UTF-16")]
    public async Task Attributes_that_would_change_a_views_bytes_stop_the_sync_before_anything_is_written(
        string attributes, string sql, string reason)
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, ".gitattributes", attributes, "Attributes");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.v", sql);
        var head = await fixture.Checkout.History.RevParseAsync("HEAD");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());

        // Assert
        Assert.Contains("shop/v.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("-text -filter -working-tree-encoding", error.Message, StringComparison.Ordinal);
        Assert.Equal(head, await fixture.Checkout.History.RevParseAsync("HEAD"));
        Assert.False(File.Exists(Path.Combine(fixture.Checkout.Directory, "shop", "v.sql")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Text_normalisation_does_not_stop_a_sync_of_views_without_carriage_returns()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, ".gitattributes", "* text=auto\n", "Attributes");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.v", "SELECT id\nFROM shop.raw.orders");

        // Act
        await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Mirror_files_that_a_gitignore_rule_matches_are_committed_all_the_same()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, ".gitignore", "*.sql\n", "Ignore SQL");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.v");

        // Act
        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.NotNull(outcome.Commit);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_remote_name_the_checkout_does_not_have_is_an_error_that_lists_its_remotes()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.v");
        var sync = new SyncMirror(TestViews.Of(fixture.Catalog), fixture.Checkout, new MirrorFolder(fixture.Checkout.Directory, ""),
            new SyncSettings("main") { Remote = "orgin" });

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => sync.SyncAsync());

        // Assert
        Assert.Equal($"Remote 'orgin' (--remote) is not configured in {fixture.Checkout.Directory}; its remotes are: origin.", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_repo_path_inside_a_checkout_is_refused_with_the_top_folder_to_use_instead()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        var inside = Path.Combine(fixture.Checkout.Directory, "sub");
        Directory.CreateDirectory(inside);
        var sync = new SyncMirror(TestViews.Of(fixture.Catalog), new LakehouseManager.Mirror.Git.GitRepository(inside, fixture.Sandbox.Options),
            new MirrorFolder(inside, ""), new SyncSettings("main"));

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => sync.SyncAsync());

        // Assert
        Assert.Contains($"--repo-path {inside} is a folder inside the git checkout {fixture.Checkout.Directory}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--mirror-path sub", error.Message, StringComparison.Ordinal);
    }
}
