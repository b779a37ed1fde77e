using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>
/// Random histories of commits, branches and merges; every O(changes) diff must equal a brute-force comparison of the
/// two full listings.
/// </summary>
public sealed class LocalCatalogDiffModelTests
{
    private static readonly string[] s_keys = ["a.x", "a.y", "b.x", "b.y.z", "c", "d.e"];
    private static readonly string[] s_texts = ["SELECT 1", "SELECT 2", "SELECT 3"];

    [Theory(Timeout = 60_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Diffs_across_branches_and_merges_equal_a_full_comparison(int seed)
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var random = new Random(seed);
        var branches = new List<string> { "main" };
        var commits = new List<string> { (await catalog.GetBranchAsync("main")).Hash };
        var merges = 0;

        for (var step = 0; step < 45; step++)
        {
            var branch = branches[random.Next(branches.Count)];
            var roll = random.Next(10);
            if (roll < 6)
            {
                commits.Add(await CommitRandomAsync(catalog, branch, random));
            }
            else if (roll < 8)
            {
                var name = $"b{step}";
                await catalog.CreateBranchAsync(name, commits[random.Next(commits.Count)]);
                branches.Add(name);
            }
            else
            {
                var source = await catalog.GetBranchAsync(branches[random.Next(branches.Count)]);
                var target = await catalog.GetBranchAsync(branch);
                var merge = await catalog.MergeAsync(source.Name, source.Hash, target.Name, target.Hash, dryRun: false);
                if (merge.WasApplied)
                {
                    commits.Add(merge.ResultHash!);
                    merges++;
                }
            }
        }

        Assert.True(merges > 0, "the random history should hold merge commits");
        for (var check = 0; check < 40; check++)
        {
            var from = commits[random.Next(commits.Count)];
            var to = commits[random.Next(commits.Count)];

            var expected = BruteForceDiff(await ViewsAtAsync(catalog, from), await ViewsAtAsync(catalog, to));
            var actual = await DiffAsync(catalog, from, to, pageSize: 1 + random.Next(3));

            Assert.Equal(expected, actual);
        }
    }

    private static async Task<string> CommitRandomAsync(LocalCatalog catalog, string branch, Random random)
    {
        var head = await catalog.GetBranchAsync(branch);
        var present = await ViewsAtAsync(catalog, head.Hash);
        var operations = new List<ViewOperation>();
        foreach (var key in s_keys.Where(_ => random.Next(3) == 0))
        {
            operations.Add(present.ContainsKey(key) && random.Next(3) == 0
                ? ViewOperation.Delete(Key(key))
                : ViewOperation.Put(Key(key), s_texts[random.Next(s_texts.Length)]));
        }

        if (operations.Count == 0)
        {
            operations.Add(ViewOperation.Put(Key(s_keys[0]), s_texts[random.Next(s_texts.Length)]));
        }

        return (await catalog.CommitAsync(branch, head.Hash, operations, "random")).Hash;
    }

    private static List<string> BruteForceDiff(Dictionary<string, string> from, Dictionary<string, string> to) =>
        from.Keys.Union(to.Keys)
            .Select(Key)
            .Order()
            .Select(key => (key, from.GetValueOrDefault(key.ToString()), to.GetValueOrDefault(key.ToString())))
            .Where(x => x.Item2 != x.Item3)
            .Select(x => $"{(x.Item2 is null ? ChangeKind.Added : x.Item3 is null ? ChangeKind.Removed : ChangeKind.Modified)} {x.key}")
            .ToList();
}
