using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>Two catalog instances on one file stand for two processes: each uses its own connections.</summary>
public sealed class LocalCatalogConcurrencyTests
{
    [Fact(Timeout = 60_000)]
    public async Task Two_writers_of_different_keys_from_the_same_hash_both_commit()
    {
        using var temp = new TempDirectory();
        using var first = await OpenAsync(temp);
        using var second = await OpenAsync(temp);
        var start = (await first.GetBranchAsync("main")).Hash;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).CommitAsync(
                "main", start, [ViewOperation.Put(ContentKey.Of("w", $"v{i}"), $"SELECT {i}")], $"writer {i}"))));

        var views = await ViewsAtAsync(first, (await first.GetBranchAsync("main")).Hash);
        var log = await first.GetLogAsync("main", 20);
        Assert.Equal(8, views.Count);
        Assert.Equal(9, log.Count);
        Assert.Equal(8, results.Select(r => r.Hash).Distinct().Count());
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_writers_of_the_same_key_from_the_same_hash_one_wins_one_gets_a_conflict()
    {
        using var temp = new TempDirectory();
        using var first = await OpenAsync(temp);
        using var second = await OpenAsync(temp);
        var start = (await first.GetBranchAsync("main")).Hash;

        var attempts = await Task.WhenAll(new[] { first, second }.Select((catalog, i) => Task.Run(async () =>
        {
            try
            {
                await catalog.CommitAsync("main", start, [ViewOperation.Put(Key("w.v"), $"SELECT {i}")], $"writer {i}");
                return null;
            }
            catch (CatalogException exception)
            {
                return exception;
            }
        })));

        var error = Assert.Single(attempts, a => a is not null);
        Assert.Equal(CatalogErrorKind.Conflict, error!.Kind);
        Assert.Contains("key 'w.v' was changed", error.Message, StringComparison.Ordinal);
        Assert.Single(await ViewsAtAsync(first, (await first.GetBranchAsync("main")).Hash));
    }
}
