using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The commit log: paged, newest first, Dremio's messages, operations with fetch=ALL.</summary>
public sealed class NessieClientHistoryTests : IAsyncLifetime
{
    private NessieFake _fake = null!;

    public async Task InitializeAsync() => _fake = await NessieFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task The_history_pages_across_page_boundaries_newest_first()
    {
        var seed = NessieFakeSeeder.Seed(_fake, 42);
        using var client = NessieTestKit.Client(_fake);

        var log = await client.GetHistoryAsync(NessieRefSpec.Head("main"), new NessieHistoryQuery { MaxRecords = 10 }).ToListAsync();

        // 1 namespace commit (domain_00.area_000 with its parent) and 42 view commits.
        Assert.Equal(43, log.Count);
        Assert.Equal(seed.Head, log[0].CommitMeta.Hash);
        Assert.Equal("CREATE VIEW domain_00.area_000.view_00041", log[0].CommitMeta.Message);
        Assert.Equal("CREATE FOLDER domain_00.area_000", log[^1].CommitMeta.Message);
        Assert.Equal(log.Skip(1).Select(e => e.CommitMeta.Hash), log.Take(42).Select(e => e.ParentCommitHash));
        Assert.Equal(5, _fake.To("GET trees/{ref}/history").Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Dremios_messages_and_the_operations_come_with_fetch_all()
    {
        var key = NessieTestKit.Key("sales.orders");
        var start = _fake.Views.CreateView("main", key, "SELECT 1");
        _fake.Views.AlterView("main", key, "SELECT 2");
        _fake.Views.DropView("main", key);
        using var client = NessieTestKit.Client(_fake);

        var log = await client.GetHistoryAsync(NessieRefSpec.Head("main"),
            new NessieHistoryQuery { FetchAll = true, LimitHash = start }).ToListAsync();

        Assert.Equal(["DROP VIEW sales.orders", "ALTER on VIEW sales.orders", "CREATE VIEW sales.orders"],
            log.Select(e => e.CommitMeta.Message));
        Assert.Equal([NessieOperationKind.Delete], log[0].Operations!.Select(o => o.Kind));
        Assert.Equal(NessieContentTypes.IcebergView, log[1].Operations!.Single().Content!.Type);
        Assert.Equal(["dremio-fake@example.com"], log[0].CommitMeta.Authors);
    }
}
