using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Safety;

/// <summary>
/// Issue 8's "done when", as a new user would try it: the real build in its own process, against real git and a real
/// catalog file. A mistake is refused with a non-zero exit and leaves the mirror and the remote as they were.
/// </summary>
public sealed class NewUserProcessTests
{
    [Fact(Timeout = 300_000)]
    public async Task A_sync_with_a_mistyped_catalog_path_exits_non_zero_names_it_and_leaves_the_mirror_and_the_remote_untouched()
    {
        // Arrange
        await using var world = await SafetyWorld.CreateAsync();
        var mistyped = Path.Combine(world.Fixture.Sandbox.Root, "catlog", "catalog.db");
        var before = await world.StateAsync();
        string[] arguments = [.. world.Common("main").Select(a => a == world.CatalogPath ? mistyped : a)];

        // Act
        var sync = await SafetyWorld.RunAsync(["Sync", .. arguments]);
        var fetch = await SafetyWorld.RunAsync(["FetchCatalogDelta", .. arguments]);

        // Assert
        Assert.NotEqual(0, sync.ExitCode);
        Assert.NotEqual(0, fetch.ExitCode);
        Assert.Contains($"The local catalog '{mistyped}' (--catalog-path) does not exist", sync.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(mistyped)));
        Assert.Equal(before, await world.StateAsync());
        Assert.True(File.Exists(Path.Combine(world.Checkout, "views", "shop", "sales", "orders.sql")));
    }

    [Fact(Timeout = 300_000)]
    public async Task Sql_on_a_catalog_file_that_does_not_exist_fails_and_creates_nothing_unless_the_statement_creates_something()
    {
        // Arrange
        await using var world = await SafetyWorld.CreateAsync();
        var missing = Path.Combine(world.Fixture.Sandbox.Root, "new", "catalog.db");

        // Act
        var show = await SafetyWorld.RunAsync(["Sql", "--sql", "SHOW VIEWS", "--catalog-path", missing]);
        var createdByShow = Directory.Exists(Path.GetDirectoryName(missing));
        var create = await SafetyWorld.RunAsync(["Sql", "--sql", "CREATE BRANCH dev", "--catalog-path", missing]);

        // Assert
        Assert.NotEqual(0, show.ExitCode);
        Assert.Contains($"The local catalog '{missing}' (--catalog-path) does not exist", show.StandardOutput, StringComparison.Ordinal);
        Assert.False(createdByShow);
        Assert.True(create.ExitCode == 0, create.StandardOutput + create.StandardError);
        Assert.True(File.Exists(missing));
    }

    [Fact(Timeout = 300_000)]
    public async Task A_first_sync_at_the_root_of_a_repository_holding_migrations_keeps_the_file_and_says_what_to_do()
    {
        // Arrange: a new mirror repository holding a migration, cloned fresh.
        await using var world = await SafetyWorld.CreateAsync();
        using var sandbox = new GitSandbox();
        var (remote, repository) = await sandbox.CreateRemoteAndCloneAsync("fresh");
        await GitSandbox.CommitFileAsync(repository, "migrations/001.sql", "CREATE TABLE t (id INT);\n", "A migration");
        await repository.Remotes.PushAsync("origin", "main");
        var remoteMain = await remote.History.RevParseAsync("main");

        // Act
        var sync = await SafetyWorld.RunAsync(
            ["Sync", "--catalog-path", world.CatalogPath, "--repo-path", repository.Directory, "--to-ref", "main", "--artifacts-path", world.Artifacts]);

        // Assert
        Assert.NotEqual(0, sync.ExitCode);
        Assert.Contains("migrations/001.sql", sync.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--mirror-path", sync.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("CREATE TABLE t (id INT);\n", File.ReadAllText(Path.Combine(repository.Directory, "migrations", "001.sql")));
        Assert.Equal(remoteMain, await remote.History.RevParseAsync("main"));
        Assert.True(await repository.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 300_000)]
    public async Task A_sync_with_a_changed_mirror_path_fails_and_names_both_paths()
    {
        // Arrange
        await using var world = await SafetyWorld.CreateAsync();
        await world.Fixture.CreateViewAsync("dev", "shop.sales.more");
        var before = await world.StateAsync();
        string[] arguments = [.. world.Common().Select(a => a == "views" ? "sql" : a)];

        // Act
        var sync = await SafetyWorld.RunAsync(["Sync", .. arguments]);
        var forgotten = await SafetyWorld.RunAsync(
            ["Sync", "--catalog-path", world.CatalogPath, "--repo-path", world.Checkout, "--to-ref", "dev", "--artifacts-path", world.Artifacts]);

        // Assert
        Assert.NotEqual(0, sync.ExitCode);
        Assert.Contains("--mirror-path is 'sql', but the mirror of branch 'dev' is in 'views'", sync.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, forgotten.ExitCode);
        Assert.Contains("--mirror-path is the repository root, but the mirror of branch 'dev' is in 'views'", forgotten.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await world.StateAsync());
    }

    [Theory(Timeout = 300_000)]
    [InlineData("--test-parallelism", "0", "requires parameter 'TestParallelism'")]
    [InlineData("--test-parallelism", "abc", "Cannot convert value 'abc' of parameter 'TestParallelism'")]
    [InlineData("--from-ref", "dev", "dev")]
    public async Task RunDataTests_deletes_the_previous_reports_before_any_check_that_can_stop_it(string flag, string value, string said)
    {
        // Arrange: a previous run's reports.
        await using var world = await SafetyWorld.CreateAsync();
        var reports = DataTestReportFiles.In(world.Artifacts);
        Directory.CreateDirectory(Path.GetDirectoryName(reports.JUnitPath)!);
        File.WriteAllText(reports.MarkdownPath, "### ✅ an earlier run\n");
        File.WriteAllText(reports.JUnitPath, "<testsuites />\n");

        // Act
        var run = await SafetyWorld.RunAsync(["RunDataTests", .. world.Common(), "--tests-path", SafetyWorld.TestsPath, flag, value]);

        // Assert
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(said, run.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(reports.MarkdownPath));
        Assert.False(File.Exists(reports.JUnitPath));
    }
}
