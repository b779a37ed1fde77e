using LakehouseManager.Catalog;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>Bad input gets a clear error that names it, and leaves the checkout and the catalog as they were.</summary>
public sealed class SyncMirrorErrorTests
{
    [Theory(Timeout = 60_000)]
    [InlineData("bad..name")]
    [InlineData("-dev")]
    [InlineData("HEAD")]
    [InlineData("feature/")]
    public async Task An_invalid_branch_name_is_refused_with_the_name_and_the_flag_to_fix(string branch)
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();

        // Act
        var error = Assert.Throws<InvalidNameException>(() => fixture.NewSync(branch));

        // Assert
        Assert.Contains($"'{branch}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--to-ref", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_catalog_branch_is_an_error_that_lists_the_branches_and_changes_nothing()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        var head = await fixture.Checkout.History.RevParseAsync("HEAD");

        // Act
        var error = await Assert.ThrowsAsync<CatalogException>(() => fixture.NewSync("nosuch").SyncAsync());

        // Assert
        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("Catalog branch 'nosuch' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Branches there: dev, main.", error.Message, StringComparison.Ordinal);
        Assert.False(await fixture.Checkout.History.LocalBranchExistsAsync("nosuch"));
        Assert.Equal(head, await fixture.Checkout.History.RevParseAsync("HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_checkout_or_a_folder_that_is_not_a_git_repository_says_which_folder_and_what_to_do()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        var missing = fixture.Sandbox.Combine("missing");
        var plain = fixture.Sandbox.Combine("plain");
        Directory.CreateDirectory(plain);

        // Act
        var errors = new List<LakehouseException>();
        foreach (var folder in new[] { missing, plain })
        {
            var sync = new SyncMirror(TestViews.Of(fixture.Catalog), new GitRepository(folder, fixture.Sandbox.Options),
                new MirrorFolder(folder, ""), new SyncSettings("main"));
            errors.Add(await Assert.ThrowsAsync<LakehouseException>(() => sync.SyncAsync()));
        }

        // Assert
        Assert.Contains($"No git checkout at {missing} (--repo-path): the folder does not exist", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains($"No git checkout at {plain} (--repo-path): it is not a git working tree", errors[1].Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.EnumerateFileSystemEntries(plain));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_git_branch_with_nothing_to_start_from_is_a_clear_error()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        var sync = new SyncMirror(TestViews.Of(fixture.Catalog), fixture.Checkout, new MirrorFolder(fixture.Checkout.Directory, ""),
            new SyncSettings("dev") { FromRef = "trunk" });

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => sync.SyncAsync());

        // Assert
        Assert.Contains("Git branch 'dev' does not exist, and neither does 'trunk' (--from-ref)", error.Message, StringComparison.Ordinal);
    }
}
