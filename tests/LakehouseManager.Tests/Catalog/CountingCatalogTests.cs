using LakehouseManager.Catalog;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog;

public sealed class CountingCatalogTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_counts_read_as_the_doc_comment_s_example()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        var head = await PutAsync(catalog, "main", ("a.x", "SELECT 1"), ("a.y", "SELECT 2"), ("a.z", "SELECT 3"));
        var counting = new CountingCatalog(catalog);

        await counting.DiffAsync(root, head, pageToken: null, pageSize: 10);
        await counting.GetViewsAsync(head, [Key("a.x"), Key("a.y")]);

        Assert.Equal(
            "2 call(s): 0 listing page(s), 1 diff page(s) (3 change(s)), 1 view read(s) (2 view(s) in all)",
            counting.ToString());
    }
}
