using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// The mirror owns only its own files (issue 8, item 2), and a mirror moves only when asked (item 3): files a person
/// put beside or inside the mirror folder never lose a byte.
/// </summary>
public sealed class SyncMirrorOwnershipTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_first_sync_at_the_root_of_a_repository_holding_sql_files_the_catalog_lacks_refuses_and_keeps_them()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "migrations/001.sql", "CREATE TABLE t (id INT);\n", "Add a migration");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.a");
        var remote = await fixture.Remote.History.RevParseAsync("main");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());

        // Assert
        Assert.Contains("already holds 1 *.sql file(s) that are not views of catalog branch 'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("migrations/001.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("--mirror-path views", error.Message, StringComparison.Ordinal);
        Assert.Contains("--adopt-existing", error.Message, StringComparison.Ordinal);
        Assert.Equal("CREATE TABLE t (id INT);\n", File.ReadAllText(Path.Combine(fixture.Checkout.Directory, "migrations", "001.sql")));
        Assert.Equal(remote, await fixture.Remote.History.RevParseAsync("main"));
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Adopt_existing_makes_the_files_part_of_the_mirror_so_the_catalog_decides_what_stays()
    {
        // Arrange: an earlier tool's mirror, with a view since dropped and a view since changed.
        await using var fixture = await SyncFixture.CreateAsync("views");
        await GitSandbox.CommitFileAsync(fixture.Checkout, "views/shop/dropped.sql", "SELECT 1\n", "Old mirror");
        await GitSandbox.CommitFileAsync(fixture.Checkout, "views/shop/a.sql", "SELECT 'old'\n", "Old mirror");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var outcome = await fixture.NewSync(configure: s => s with { AdoptExisting = true }).SyncAsync();

        // Assert
        Assert.Equal(["shop/dropped.sql"], outcome.Delta.Changes.Where(c => c.Kind == MirrorChangeKind.Removed).Select(c => c.Path));
        Assert.Empty(outcome.Delta.Foreign);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(OnGitEdit.Keep)]
    [InlineData(OnGitEdit.Revert)]
    public async Task Files_put_beside_a_mirror_at_the_repository_root_after_a_sync_never_lose_a_byte(OnGitEdit policy)
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "migrations/002.sql", "ALTER TABLE t ADD c INT;\r\n", "Add a migration");
        await GitSandbox.CommitFileAsync(fixture.Checkout, "tests/data-tests.yaml", "tests: []\n", "Add tests");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT 2 AS two");
        await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var outcome = await fixture.NewSync(policy: policy).SyncAsync();
        var again = await fixture.NewSync(policy: policy).SyncAsync();

        // Assert
        Assert.Equal(["migrations/002.sql"], outcome.Delta.Foreign);
        Assert.DoesNotContain(outcome.Delta.Changes, c => c.Path.StartsWith("migrations", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Delta.GitEdits, e => e.Path.StartsWith("migrations", StringComparison.Ordinal));
        Assert.Equal("ALTER TABLE t ADD c INT;\r\n"u8.ToArray(), await fixture.Remote.Objects.ReadFileAsync("main", "migrations/002.sql"));
        Assert.Equal("tests: []\n"u8.ToArray(), await fixture.Remote.Objects.ReadFileAsync("main", "tests/data-tests.yaml"));
        Assert.Null(again.Commit);
    }

    [Fact(Timeout = 60_000)]
    public async Task VerifyMirror_leaves_out_the_files_no_mirror_commit_wrote_and_still_reports_a_dropped_views_file()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.NewSync().SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "migrations/002.sql", "ALTER TABLE t ADD c INT;\n", "Add a migration");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        var verify = new VerifyMirror(TestViews.Of(fixture.Catalog), fixture.Checkout, "");

        // Act
        var beside = await verify.RunAsync("main");
        await fixture.ExecAsync("main", "DROP VIEW shop.b");
        var dropped = await verify.RunAsync("main");

        // Assert
        Assert.True(beside.Agrees);
        Assert.Equal(["migrations/002.sql"], beside.Foreign);
        Assert.Contains("Left out: 1 *.sql file(s) that no mirror commit wrote (migrations/002.sql)", MirrorVerificationReport.ToText(beside), StringComparison.Ordinal);
        Assert.False(dropped.Agrees);
        Assert.Equal(["shop/b.sql"], dropped.Comparison.Extra.Select(d => d.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_mirror_path_other_than_the_recorded_one_fails_and_names_both_paths()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.b");
        var remote = await fixture.Remote.History.RevParseAsync("main");

        // Act
        var atRoot = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync(mirrorPath: "").SyncAsync());
        var elsewhere = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync(mirrorPath: "sql/views").FetchDeltaAsync());

        // Assert
        Assert.Contains("--mirror-path is the repository root, but the mirror of branch 'main' is in 'views'", atRoot.Message, StringComparison.Ordinal);
        Assert.Contains("--mirror-path is 'sql/views', but the mirror of branch 'main' is in 'views'", elsewhere.Message, StringComparison.Ordinal);
        Assert.Contains("--move-mirror", atRoot.Message, StringComparison.Ordinal);
        Assert.Equal(remote, await fixture.Remote.History.RevParseAsync("main"));
        Assert.True(File.Exists(Path.Combine(fixture.Checkout.Directory, "views", "shop", "a.sql")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Move_mirror_moves_the_mirror_in_one_commit_that_says_so_and_later_syncs_need_no_flag()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.NewSync().SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "views/README.md", "The views.\n", "Describe the views");
        await fixture.Checkout.Remotes.PushAsync("origin", "main");
        await fixture.CreateViewAsync("main", "shop.c");
        var before = await fixture.Remote.History.RevParseAsync("main");

        // Act
        var moved = await fixture.NewSync(mirrorPath: "sql", configure: s => s with { MoveMirror = true }).SyncAsync();
        await fixture.CreateViewAsync("main", "shop.d");
        var next = await fixture.NewSync(mirrorPath: "sql").SyncAsync();

        // Assert
        var commits = await fixture.Remote.History.ListCommitsAsync(before!, moved.Commit!);
        Assert.Single(commits);
        Assert.StartsWith("Move the mirror of catalog branch main to sql/", await fixture.Sandbox.GitAsync(fixture.Remote, "log", "-1", "--format=%B", moved.Commit!), StringComparison.Ordinal);
        Assert.Equal(["views/shop/a.sql", "views/shop/b.sql"], moved.Delta.Move!.Files);
        var files = (await fixture.Remote.Objects.ListTreeFilesAsync("main")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["README.md", "sql/shop/a.sql", "sql/shop/b.sql", "sql/shop/c.sql", "sql/shop/d.sql", "views/README.md"], files);
        Assert.False(next.Delta.IsBootstrap);
    }
}
