using LakehouseManager.Composition;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sql;
using LakehouseManager.Tests.Catalog.Nessie;
using LakehouseManager.Tests.Pipeline.EndToEnd;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sql;

/// <summary>The Sql target on Dremio: statements at a branch through the SQL API, passed through as written.</summary>
public sealed class DremioSqlTests
{
    [Fact(Timeout = 60_000)]
    public async Task Branch_and_view_statements_pass_through_to_dremio_at_the_branch()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.Dremio);
        world.Nessie.Views.CreateView("main", NessieTestKit.Key("sales.revenue"), "SELECT 1 AS revenue");
        await using var lakehouse = world.Lakehouse();
        var pipeline = new LakehousePipeline(lakehouse);

        var created = await pipeline.RunDremioSqlAsync("main", "CREATE BRANCH dev IN lakehouse");
        var altered = await pipeline.RunDremioSqlAsync(
            "dev", "CREATE OR REPLACE VIEW lakehouse.sales.revenue AS SELECT 2 AS revenue; CREATE VIEW lakehouse.sales.added AS SELECT 3 AS n");
        var merged = await pipeline.RunDremioSqlAsync("main", "MERGE BRANCH dev INTO main IN lakehouse");

        Assert.All(created.Concat(altered).Concat(merged), r => Assert.True(r.Succeeded));
        Assert.Equal(2, altered.Count);
        Assert.All(world.Dremio.Submissions, s => Assert.Equal("BRANCH", s.References[NessieWorld.Source].Type));
        Assert.Equal("dev", world.Dremio.Submissions[1].References[NessieWorld.Source].Value);
        Assert.StartsWith("Branch dev has been merged into main at ", (string)merged[0].Rows[0][0]!, StringComparison.Ordinal);
        Assert.Equal("SELECT 2 AS revenue", NessieFakeViews.ReadSql(world.Nessie.Repository.ContentAt("main", NessieTestKit.Key("sales.revenue"))!).Sql);
        Assert.NotNull(world.Nessie.Repository.ContentAt("main", NessieTestKit.Key("sales.added")));
        var devHead = world.Nessie.Repository.Head("dev");
        Assert.Equal("CREATE VIEW sales.added", devHead.Meta.Message);
        Assert.Equal("ALTER on VIEW sales.revenue", world.Nessie.Repository.FindCommit(devHead.Parents[0])!.Meta.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_merge_with_conflicts_stops_the_script_as_not_succeeded()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.DremioCloud);
        var root = world.Nessie.Views.CreateView("main", NessieTestKit.Key("sales.v"), "SELECT 1");
        world.Nessie.Repository.CreateReference("dev", "BRANCH", root);
        world.Nessie.Views.AlterView("dev", NessieTestKit.Key("sales.v"), "SELECT 'dev'");
        world.Nessie.Views.AlterView("main", NessieTestKit.Key("sales.v"), "SELECT 'main'");
        await using var lakehouse = world.Lakehouse();

        var results = await new LakehousePipeline(lakehouse).RunDremioSqlAsync(
            "main", "MERGE BRANCH dev INTO main IN lakehouse; DROP BRANCH dev FORCE IN lakehouse");

        var merge = Assert.Single(results);
        Assert.False(merge.Succeeded);
        Assert.Equal("Failed to merge branch dev into main", merge.Rows[0][0]);
        Assert.Equal(("sales.v", "VALUE_DIFFERS"), ((string?)merge.Rows[1][1], (string?)merge.Rows[1][2]));
        Assert.NotNull(world.Nessie.Repository.FindReference("dev"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_query_on_a_view_reads_its_rows_at_the_branch()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.Dremio);
        world.Nessie.Data.WithOrders(rows: 1000);
        var root = world.Nessie.Views.CreateView("main", NessieTestKit.Key("sales.refunds"), "SELECT * FROM lake.raw.orders WHERE amount > 0");
        world.Nessie.Repository.CreateReference("dev", "BRANCH", root);
        world.Nessie.Views.AlterView("dev", NessieTestKit.Key("sales.refunds"), "SELECT * FROM lake.raw.orders WHERE amount < 0");
        await using var lakehouse = world.Lakehouse();
        var pipeline = new LakehousePipeline(lakehouse);

        var main = Assert.Single(await pipeline.RunDremioSqlAsync("main", "SELECT COUNT(*) AS n FROM lakehouse.sales.refunds"));
        var dev = Assert.Single(await pipeline.RunDremioSqlAsync("dev", "SELECT COUNT(*) AS n FROM lakehouse.sales.refunds"));

        Assert.Equal(["n"], dev.Columns);
        Assert.Equal(1000L / 10, dev.Rows[0][0]);
        Assert.Equal(1000L - (1000L / 10), main.Rows[0][0]);
        Assert.Contains("1 row(s)", SqlStatementResultText.Render(dev), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_sql_target_needs_a_sql_engine_and_says_which_kinds_have_one()
    {
        await using var world = await NessieWorld.CreateAsync(CatalogKind.Nessie);
        await using var lakehouse = new Lakehouse(world.Settings() with { DremioUrl = null });

        var error = await Assert.ThrowsAsync<LakehouseException>(() => new LakehousePipeline(lakehouse).RunDremioSqlAsync("main", "SELECT 1"));

        Assert.Contains("--catalog nessie has no SQL engine", error.Message, StringComparison.Ordinal);
    }
}
