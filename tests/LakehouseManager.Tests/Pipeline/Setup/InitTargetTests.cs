using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Setup;

/// <summary>
/// <c>./build.sh Init</c> as a newcomer runs it, in a process of its own, then the loop on the mirror it set up: what
/// the build prints, and where an error says a value came from.
/// </summary>
public sealed class InitTargetTests : IDisposable
{
    private readonly GitSandbox _sandbox = new();

    private string CatalogPath => _sandbox.Combine("catalog.db");

    private string RepoPath => _sandbox.Combine("mirror");

    private string[] Paths =>
        ["--catalog-path", CatalogPath, "--repo-path", RepoPath, "--artifacts-path", _sandbox.Combine("artifacts")];

    [Fact(Timeout = 120_000)]
    public async Task Init_run_twice_through_the_build_sets_up_the_mirror_then_says_it_changed_nothing()
    {
        // Arrange
        await SeedCatalogAsync();

        // Act
        var first = await BuildProcess.RunAsync(["Init", .. Paths]);
        var second = await BuildProcess.RunAsync(["Init", .. Paths]);

        // Assert
        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Contains("Init is done: git branch main of ", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("// Catalog: kept, Remote: created, Checkout: created, Commit: ", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StandardOutput + second.StandardError);
        Assert.Contains("Init changed nothing", second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("// Catalog: kept, Remote: kept, Checkout: kept, Commit: none", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_value_bound_from_the_environment_is_named_with_its_variable_in_the_error_about_it()
    {
        // Arrange: Init's mirror, a branch dev with a tests file, and TESTS=nightly left in the environment.
        await SeedCatalogAsync();
        Assert.Equal(0, (await BuildProcess.RunAsync(["Init", .. Paths])).ExitCode);
        await using (var lakehouse = new Lakehouse(new LakehouseSettings
        {
            CatalogPath = CatalogPath,
            RepoPath = RepoPath,
            ArtifactsDirectory = _sandbox.Combine("artifacts"),
            Git = _sandbox.Options,
        }))
        {
            await new LocalSqlExecutor(await lakehouse.GetLocalCatalogAsync()).ExecuteAsync("main", "CREATE BRANCH dev");
            await new LakehousePipeline(lakehouse).SyncAsync("dev");
        }

        var checkout = new GitRepository(RepoPath, _sandbox.Options);
        await GitSandbox.CommitFileAsync(
            checkout, "tests/data-tests.yaml",
            "tests:\n  - { name: orders, sql: SELECT * FROM shop.sales.orders, expect: { row_count: { equals: 1 } } }\n",
            "Add data tests");
        await checkout.Remotes.PushAsync("origin", "dev");

        // Act
        var run = await BuildProcess.RunAsync(
            ["RunDataTests", .. Paths, "--to-ref", "dev", "--tests-path", "tests/data-tests.yaml"],
            new Dictionary<string, string?> { ["TESTS"] = "nightly" });

        // Assert
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Unknown data test 'nightly' (--tests) in tests/data-tests.yaml", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--tests came from environment variable TESTS.", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _sandbox.Dispose();

    private async Task SeedCatalogAsync()
    {
        using var catalog = await LocalCatalog.OpenAsync(CatalogPath);
        var sql = new LocalSqlExecutor(catalog);
        await sql.ExecuteAsync("main", "CREATE TABLE shop.raw.orders (id INTEGER)");
        await sql.ExecuteAsync("main", "INSERT INTO shop.raw.orders VALUES (1)");
        await sql.ExecuteAsync("main", "CREATE VIEW shop.sales.orders AS SELECT id FROM shop.raw.orders");
    }
}
