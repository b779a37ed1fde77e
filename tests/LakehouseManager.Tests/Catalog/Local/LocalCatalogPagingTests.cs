using LakehouseManager.Catalog;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogPagingTests
{
    private static readonly string[] s_keys =
        ["a.b", "a.b.c", "a.bc", "\"a.b\".c", "ab", "b.\"x y\"", "b.z", "c", "é.v", "z.z"];

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(500)]
    public async Task Views_are_listed_in_element_wise_key_order_across_pages(int pageSize)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var head = await PutAsync(catalog, "main", s_keys.Reverse().Select(k => (k, $"SELECT '{Key(k)}'")).ToArray());

        var pages = new List<CatalogPage<CatalogView>>();
        string? token = null;
        do
        {
            var page = await catalog.ListViewsAsync(head, token, pageSize);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null);

        var keys = pages.SelectMany(p => p.Items).Select(v => v.Key).ToList();
        Assert.Equal(s_keys.Select(Key).Order().ToList(), keys);
        Assert.Equal((s_keys.Length + pageSize - 1) / pageSize, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(pageSize, p.Items.Count));
        Assert.All(pages.SelectMany(p => p.Items), v => Assert.Equal($"SELECT '{v.Key}'", v.Sql));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(500)]
    public async Task A_diff_is_paged_in_key_order_and_names_each_kind(int pageSize)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var from = await PutAsync(catalog, "main", ("a.keep", "SELECT 0"), ("a.edit", "SELECT 1"), ("a.gone", "SELECT 2"));
        await PutAsync(catalog, "main", ("a.edit", "SELECT 11"), ("a.new", "SELECT 3"), ("a.same", "SELECT 4"));
        await PutAsync(catalog, "main", ("a.keep", "SELECT 0"));
        await DeleteAsync(catalog, "main", "a.gone", "a.same");
        var to = (await catalog.GetBranchAsync("main")).Hash;

        var changes = await DiffAsync(catalog, from, to, pageSize);
        var reverse = await DiffAsync(catalog, to, from, pageSize);

        Assert.Equal(["Modified a.edit", "Removed a.gone", "Added a.new"], changes);
        Assert.Equal(["Modified a.edit", "Added a.gone", "Removed a.new"], reverse);
        Assert.Empty(await DiffAsync(catalog, to, to, pageSize));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_page_token_from_another_listing_or_garbage_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var first = await PutAsync(catalog, "main", ("a.v", "SELECT 1"), ("a.w", "SELECT 2"));
        var second = await PutAsync(catalog, "main", ("a.x", "SELECT 3"));
        var token = (await catalog.ListViewsAsync(first, null, 1)).NextPageToken!;

        var otherHash = await Assert.ThrowsAsync<CatalogException>(() => catalog.ListViewsAsync(second, token, 1));
        var inDiff = await Assert.ThrowsAsync<CatalogException>(() => catalog.DiffAsync(first, second, token, 1));
        var garbage = await Assert.ThrowsAsync<CatalogException>(() => catalog.ListViewsAsync(first, "%%%", 1));

        Assert.All([otherHash, inDiff, garbage], e => Assert.Equal(CatalogErrorKind.BadRequest, e.Kind));
        Assert.Contains("Invalid page token", otherHash.Message, StringComparison.Ordinal);
        Assert.Contains("'%%%'", garbage.Message, StringComparison.Ordinal);
        Assert.Equal("a.w", Assert.Single((await catalog.ListViewsAsync(first, token, 1)).Items).Key.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_page_size_below_one_is_a_bad_request()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var head = (await catalog.GetBranchAsync("main")).Hash;

        var error = await Assert.ThrowsAsync<CatalogException>(() => catalog.ListViewsAsync(head, null, 0));

        Assert.Contains("page size 0", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Get_views_returns_the_present_keys_in_key_order()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var head = await PutAsync(catalog, "main", ("a.v", "SELECT 1"), ("a.w", "SELECT 2"));

        var views = await catalog.GetViewsAsync(head, [Key("a.w"), Key("a.missing"), Key("a.v")]);

        Assert.Equal([new CatalogView(Key("a.v"), "SELECT 1"), new CatalogView(Key("a.w"), "SELECT 2")], views);
    }
}
