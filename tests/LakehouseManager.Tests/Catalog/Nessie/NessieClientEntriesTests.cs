using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Entries and contents: paging, every content type typed, content on request, keys in paths.</summary>
public sealed class NessieClientEntriesTests : IAsyncLifetime
{
    private NessieFake _fake = null!;

    public async Task InitializeAsync() => _fake = await NessieFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task Entries_page_across_page_boundaries_without_losing_or_repeating_a_key()
    {
        var seed = NessieFakeSeeder.Seed(_fake, 230);
        using var client = NessieTestKit.Client(_fake);

        var entries = await client.GetEntriesAsync(NessieRefSpec.At("main", seed.Head), new NessieEntriesQuery { MaxRecords = 50 })
            .ToListAsync();

        var views = entries.Where(e => e.IsView).Select(e => e.Key).ToList();
        Assert.Equal(seed.Views.Order(), views);
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct().Count());
        // 230 views + 3 namespaces + their 3 parents (domain_00..02) = 236 entries, 50 a page.
        Assert.Equal(236, entries.Count);
        Assert.Equal(5, _fake.To("GET trees/{ref}/entries").Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_content_type_is_listed_typed_with_its_content_id_and_no_content_unless_asked()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        _fake.Views.CreateTable("main", NessieTestKit.Key("sales.raw_orders"));
        using var client = NessieTestKit.Client(_fake);

        var entries = await client.GetEntriesAsync(NessieRefSpec.Head("main")).ToListAsync();

        Assert.Equal(
            [("sales", "NAMESPACE"), ("sales.orders", "ICEBERG_VIEW"), ("sales.raw_orders", "ICEBERG_TABLE")],
            entries.Select(e => (string.Join('.', e.Key.Elements), e.Type)));
        Assert.All(entries, e => Assert.True(Guid.TryParse(e.ContentId, out _)));
        Assert.All(entries, e => Assert.Null(e.Content));
    }

    [Fact(Timeout = 30_000)]
    public async Task Content_true_brings_the_views_metadata_location_and_dremios_placeholder()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        using var client = NessieTestKit.Client(_fake);

        var view = (await client.GetEntriesAsync(NessieRefSpec.Head("main"),
            new NessieEntriesQuery { WithContent = true, Filter = "entry.contentType == 'ICEBERG_VIEW'" }).ToListAsync()).Single();

        Assert.Equal(NessieContentTypes.IcebergView, view.Content!.Type);
        Assert.StartsWith("file://", view.Content.MetadataLocation, StringComparison.Ordinal);
        Assert.Equal("ICEBERG_METADATA", view.Content.Dialect);
        Assert.Equal(view.ContentId, view.Content.Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task Entries_at_an_older_hash_show_the_catalog_as_it_was()
    {
        var before = _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        _fake.Views.DropView("main", NessieTestKit.Key("sales.orders"));
        using var client = NessieTestKit.Client(_fake);

        var then = await client.GetEntriesAsync(NessieRefSpec.At("main", before)).ToListAsync();
        var now = await client.GetEntriesAsync(NessieRefSpec.Head("main")).ToListAsync();

        Assert.Contains(then, e => e.IsView);
        Assert.DoesNotContain(now, e => e.IsView);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_hash_that_is_not_on_the_branch_is_not_found()
    {
        _fake.Repository.CreateReference("dev", "BRANCH", _fake.Head());
        var onDev = _fake.Views.CreateView("dev", NessieTestKit.Key("sales.orders"), "SELECT 1");
        using var client = NessieTestKit.Client(_fake);

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => client.GetEntriesAsync(NessieRefSpec.At("main", onDev)).ToListAsync());

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains($"Could not find commit '{onDev}' in reference 'main'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> Keys => new()
    {
        { "2.2.0", ["sales", "orders"] },
        { "2.2.0", ["sales.eu", "orders/2026", "back\\slash", "100%", "a*b"] },
        { "2.1.3", ["sales", "orders"] },
        { "2.1.3", ["sales.eu", "orders 2026", "a*b"] },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Keys))]
    public async Task A_key_travels_in_the_path_in_the_encoding_of_the_servers_spec_version(string specVersion, string[] elements)
    {
        await using var fake = await NessieFake.StartAsync(new NessieFakeOptions { SpecVersion = specVersion });
        var key = ContentKey.Of(elements);
        fake.Views.CreateView("main", key, "SELECT 42");
        using var client = NessieTestKit.Client(fake);

        var content = await client.GetContentAsync(NessieRefSpec.Head("main"), key);
        var prefixed = await client.GetEntriesAsync(NessieRefSpec.Head("main"),
            new NessieEntriesQuery { PrefixKey = ContentKey.Of(elements[..^1]) }).ToListAsync();

        Assert.Equal(NessieContentTypes.IcebergView, content!.Type);
        Assert.Contains(prefixed, e => e.Key == key);
        var expectedEncoding = specVersion == "2.2.0" ? NessieKeyEncoding.Escaped : NessieKeyEncoding.Legacy;
        var path = fake.To("GET trees/{ref}/contents/{key}").Single().RawTarget;
        Assert.EndsWith("/" + Uri.EscapeDataString(NessieKeyCodec.Encode(key, expectedEncoding)), path, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_legacy_server_cannot_read_the_escaped_form()
    {
        await using var fake = await NessieFake.StartAsync(new NessieFakeOptions { SpecVersion = "2.1.3" });
        var key = ContentKey.Of("sales.eu", "orders");
        fake.Views.CreateView("main", key, "SELECT 42");
        using var client = NessieTestKit.Client(fake, keyEncoding: NessieKeyEncoding.Escaped);

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetContentAsync(NessieRefSpec.Head("main"), key));

        // ".sales*.eu.orders" read as legacy: an empty first element, which no key may have.
        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_key_reads_as_null_and_a_missing_branch_as_not_found()
    {
        using var client = NessieTestKit.Client(_fake);

        var missing = await client.GetContentAsync(NessieRefSpec.Head("main"), NessieTestKit.Key("no.such"));
        var error = await Assert.ThrowsAsync<CatalogException>(
            () => client.GetContentAsync(NessieRefSpec.Head("nope"), NessieTestKit.Key("no.such")));

        Assert.Null(missing);
        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("Named reference 'nope' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Bulk_contents_return_the_keys_that_exist_and_leave_out_the_others()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.returns"), "SELECT 2");
        using var client = NessieTestKit.Client(_fake);

        var contents = await client.GetContentsAsync(NessieRefSpec.Head("main"),
            [NessieTestKit.Key("sales.orders"), NessieTestKit.Key("sales.returns"), NessieTestKit.Key("sales.nothing")]);

        Assert.Equal([NessieTestKit.Key("sales.orders"), NessieTestKit.Key("sales.returns")], contents.Keys.Order());
        Assert.Single(_fake.To("POST trees/{ref}/contents"));
    }
}
