using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The diff between <c>name@hash</c> pairs: paging, typed entries, renames by content id.</summary>
public sealed class NessieClientDiffTests : IAsyncLifetime
{
    private NessieFake _fake = null!;

    public async Task InitializeAsync() => _fake = await NessieFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task The_diff_pages_across_page_boundaries()
    {
        var before = NessieFakeSeeder.Seed(_fake, 0).Head;
        var seed = NessieFakeSeeder.Seed(_fake, 120);
        using var client = NessieTestKit.Client(_fake);

        var diff = await client.GetDiffAsync(NessieRefSpec.At("main", before), NessieRefSpec.At("main", seed.Head),
            new NessieDiffQuery { MaxRecords = 25 }).ToListAsync();

        Assert.Equal(seed.Views.Order(), diff.Where(d => d.InvolvesView).Select(d => d.Key));
        Assert.All(diff, d => Assert.True(d.IsAdded));
        // 120 views and the namespaces domain_01 and domain_01.area_000 added: 122 entries, 25 a page.
        Assert.Equal(5, _fake.To("GET trees/{from}/diff/{to}").Count);
        Assert.Equal(diff.Count, diff.Select(d => d.Key).Distinct().Count());
    }

    [Fact(Timeout = 30_000)]
    public async Task Added_changed_and_removed_views_and_other_types_come_typed()
    {
        var orders = NessieTestKit.Key("sales.orders");
        var returns = NessieTestKit.Key("sales.returns");
        _fake.Views.CreateView("main", orders, "SELECT 1");
        var from = _fake.Views.CreateView("main", returns, "SELECT 2");
        _fake.Views.AlterView("main", orders, "SELECT 10");
        _fake.Views.DropView("main", returns);
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.invoices"), "SELECT 3");
        var to = _fake.Views.CreateTable("main", NessieTestKit.Key("sales.raw"));
        using var client = NessieTestKit.Client(_fake);

        var diff = await client.GetDiffAsync(NessieRefSpec.At("main", from), NessieRefSpec.At("main", to)).ToListAsync();

        Assert.Equal(
            [("sales.invoices", "added", "ICEBERG_VIEW"), ("sales.orders", "changed", "ICEBERG_VIEW"),
                ("sales.raw", "added", "ICEBERG_TABLE"), ("sales.returns", "removed", "ICEBERG_VIEW")],
            diff.Select(d => (string.Join('.', d.Key.Elements), d.IsAdded ? "added" : d.IsRemoved ? "removed" : "changed", d.Type)));
        var changed = diff.Single(d => d.Key == orders);
        Assert.Equal(changed.From!.Id, changed.To!.Id);
        Assert.NotEqual(changed.From.MetadataLocation, changed.To.MetadataLocation);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rename_shows_as_a_removal_and_an_addition_of_the_same_content_id()
    {
        var from = _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        var to = _fake.Views.RenameView("main", NessieTestKit.Key("sales.orders"), NessieTestKit.Key("finance.orders"));
        using var client = NessieTestKit.Client(_fake);

        var diff = await client.GetDiffAsync(NessieRefSpec.At("main", from), NessieRefSpec.At("main", to),
            new NessieDiffQuery { Filter = "name == 'orders'" }).ToListAsync();

        var removed = diff.Single(d => d.IsRemoved);
        var added = diff.Single(d => d.IsAdded);
        Assert.Equal(NessieTestKit.Key("sales.orders"), removed.Key);
        Assert.Equal(NessieTestKit.Key("finance.orders"), added.Key);
        Assert.Equal(removed.ContentId, added.ContentId);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_diff_between_two_branches_names_both_hashes()
    {
        var main = _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        _fake.Repository.CreateReference("feature/x", "BRANCH", main);
        var dev = _fake.Views.AlterView("feature/x", NessieTestKit.Key("sales.orders"), "SELECT 2");
        using var client = NessieTestKit.Client(_fake);

        var diff = await client.GetDiffAsync(NessieRefSpec.At("main", main), NessieRefSpec.At("feature/x", dev)).ToListAsync();

        Assert.Equal([NessieTestKit.Key("sales.orders")], diff.Select(d => d.Key));
        Assert.Equal(
            $"/api/v2/trees/main%40{main}/diff/feature%2Fx%40{dev}",
            _fake.To("GET trees/{from}/diff/{to}").Single().RawTarget);
    }
}
