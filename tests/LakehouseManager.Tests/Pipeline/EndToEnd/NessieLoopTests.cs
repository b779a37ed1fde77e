using LakehouseManager.Composition;
using LakehouseManager.DataTests;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.Catalog.Nessie;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.EndToEnd;

/// <summary>
/// The whole loop against the Nessie fake (with the Dremio fake on it) for each Nessie-based catalog kind, through the
/// same pipeline the targets call: sync main, branch, change views as Dremio does, sync the branch, run the data tests
/// at the reviewed commit, merge in git, MergeCatalog (and again), sync main, VerifyMirror.
/// </summary>
public sealed class NessieLoopTests
{
    private const string TestsPath = "tests/data-tests.yaml";

    // The test passes only when the query is pinned to the reviewed catalog commit: the fake answers 42 there and 0
    // anywhere else.
    private const string TestsFile =
        """
        tests:
          - name: revenue_is_pinned_to_the_reviewed_commit
            sql: SELECT COUNT(*) AS n FROM lakehouse.sales.revenue
            expect: { scalar: { equals: 42 } }
        """;

    [Theory(Timeout = 120_000)]
    [InlineData(CatalogKind.Nessie)]
    [InlineData(CatalogKind.Dremio)]
    [InlineData(CatalogKind.DremioCloud)]
    public async Task The_whole_loop_runs_on_each_nessie_based_catalog_kind(CatalogKind kind)
    {
        // Arrange: main holds views (and a table, which is not mirrored).
        await using var world = await NessieWorld.CreateAsync(kind);
        var views = world.Nessie.Views;
        views.CreateView("main", NessieTestKit.Key("sales.revenue"), "SELECT SUM(amount) AS revenue FROM lake.raw.orders");
        views.CreateView("main", ContentKey.Of("sales", "my orders"), "SELECT * FROM lake.raw.orders");
        views.CreateView("main", NessieTestKit.Key("sales.returns"), "SELECT * FROM lake.raw.returns");
        views.CreateView("main", NessieTestKit.Key("finance.old_name"), "SELECT 1 AS one");
        views.CreateTable("main", NessieTestKit.Key("sales.orders_table"));
        await using var lakehouse = world.Lakehouse();
        var pipeline = new LakehousePipeline(lakehouse);

        // Act 1: bootstrap main.
        var bootstrap = await pipeline.SyncAsync("main");

        // Act 2: a branch, changed as Dremio writes (ALTER, CREATE, DROP, a rename), synced.
        var root = world.Nessie.Head("main");
        world.Nessie.Repository.CreateReference("dev", "BRANCH", root);
        views.AlterView("dev", NessieTestKit.Key("sales.revenue"), "SELECT SUM(amount) AS revenue FROM lake.raw.orders WHERE status = 'done'");
        views.CreateView("dev", NessieTestKit.Key("sales.by_country"), "SELECT country, COUNT(*) AS n FROM lake.raw.orders GROUP BY country");
        views.DropView("dev", NessieTestKit.Key("sales.returns"));
        var reviewed = views.RenameView("dev", NessieTestKit.Key("finance.old_name"), NessieTestKit.Key("finance.new_name"));
        var devSync = await pipeline.SyncAsync("dev");

        // Act 3: the tests file on the pull request's branch, then a catalog change nobody reviewed.
        await world.Checkout.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(world.Checkout, TestsPath, TestsFile, "Data tests");
        Assert.True((await world.Checkout.Remotes.PushAsync("origin", "dev")).IsPushed);
        world.Dremio.OnSql(query => query.Sql.Contains("sales.revenue", StringComparison.Ordinal)
            ? DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
                [new DremioFakeColumn("n", "BIGINT")],
                [query.References.TryGetValue(NessieWorld.Source, out var pinned) && pinned.Value == reviewed ? 42L : 0L]))
            : null);
        views.CreateView("dev", NessieTestKit.Key("sales.unreviewed"), "SELECT 'not reviewed'");
        var selector = PullRequestSelector.ByBranches("dev", "main");
        var tests = await pipeline.RunDataTestsAsync(selector, TestsPath, [], new DataTestRunnerOptions());

        // Act 4: merged in git, then in the catalog (twice), then main synced and verified.
        await world.Checkout.WorkTree.CheckoutAsync("main");
        Assert.True((await world.Checkout.Merges.MergeAsync("dev", "Merge dev")).IsSuccess);
        Assert.True((await world.Checkout.Remotes.PushAsync("origin", "main")).IsPushed);
        var merged = await pipeline.MergeCatalogAsync(selector);
        var again = await pipeline.MergeCatalogAsync(selector);
        await pipeline.SyncAsync("main");
        var verification = await pipeline.VerifyMirrorAsync("main");

        // Assert: the bootstrap mirrored the views and nothing else.
        Assert.True(bootstrap.Delta.IsBootstrap);
        Assert.Equal(4, bootstrap.Delta.Count(MirrorChangeKind.Added));
        Assert.Equal("SELECT * FROM lake.raw.orders\n", await File.ReadAllTextAsync(Path.Combine(world.Checkout.Directory, "views", "sales", "my orders.sql")));
        Assert.DoesNotContain(bootstrap.Delta.Changes, c => c.Key.Name == "orders_table");

        // The branch's sync read only the changes, and showed the rename by content id.
        Assert.False(devSync.Delta.IsBootstrap);
        Assert.Equal(reviewed, devSync.Delta.ToHash);
        Assert.Equal(
            [("finance.new_name", MirrorChangeKind.Added), ("finance.old_name", MirrorChangeKind.Removed),
             ("sales.by_country", MirrorChangeKind.Added), ("sales.returns", MirrorChangeKind.Removed),
             ("sales.revenue", MirrorChangeKind.Changed)],
            devSync.Delta.Changes.Select(c => (c.Key.ToString(), c.Kind)).Order());
        Assert.Equal(NessieTestKit.Key("finance.new_name"), Assert.Single(devSync.Delta.Renames).To);
        Assert.Equal((3, 5), (devSync.CatalogReads!.ViewsRead, devSync.CatalogReads.ChangesRead));

        // The data tests ran at the reviewed commit, not at the branch's head.
        Assert.False(tests.IsFailed);
        Assert.Equal(DataTestStatus.Passed, Assert.Single(tests.Run.Results).Status);
        Assert.Equal(reviewed, tests.Run.CatalogCommit);

        // The catalog merge took the reviewed commit only, once.
        Assert.Equal(MergeCatalogOutcome.Merged, merged.Outcome);
        Assert.Equal(reviewed, merged.FromHash);
        Assert.True(merged.HasUnreviewedChanges);
        Assert.Equal(MergeCatalogOutcome.AlreadyMerged, again.Outcome);
        var mainHead = world.Nessie.Repository.Head("main");
        Assert.StartsWith("Merge pull request", mainHead.Meta.Message, StringComparison.Ordinal);
        Assert.Null(world.Nessie.Repository.ContentAt("main", NessieTestKit.Key("sales.unreviewed")));
        Assert.NotNull(world.Nessie.Repository.ContentAt("main", NessieTestKit.Key("finance.new_name")));

        // Main's mirror is proven equal to the catalog.
        Assert.True(verification.Agrees, string.Join("; ", verification.Comparison.Drift.Select(d => d.ToString())));
        Assert.Equal(4, verification.Comparison.ViewCount);
        Assert.Equal(mainHead.Hash, verification.CatalogHash);

        // No output holds the PAT.
        foreach (var file in Directory.EnumerateFiles(world.Artifacts, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(NessieWorld.Pat, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }
}
