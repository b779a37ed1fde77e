using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>
/// The storage keeps what commits change, not snapshots, and still reads every commit exactly: checked against an
/// in-memory model that keeps a full snapshot per commit, as version 1 of the file did.
/// </summary>
public sealed class LocalCatalogStorageTests
{
    private static readonly string[] s_keys = ["a.x", "a.y", "b.x", "b.y.z", "c", "d.e", "D.E"];
    private static readonly string[] s_texts = ["SELECT 1", "SELECT 2", "SELECT 3"];

    [Fact(Timeout = 30_000)]
    public async Task A_commit_stores_one_entry_per_key_it_changes_and_nothing_for_the_views_it_keeps()
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);

        // Act
        for (var i = 0; i < 300; i++)
        {
            await PutAsync(catalog, "main", ($"s.v{i:D3}", $"SELECT {i}"));
        }

        await DeleteAsync(catalog, "main", "s.v000", "s.v001");

        // Assert
        Assert.Equal(302L, Count(temp, "_lh_entries"));
        Assert.Equal(298, (await ViewsAtAsync(catalog, (await catalog.GetBranchAsync("main")).Hash)).Count);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Reads_at_every_commit_of_a_random_history_equal_a_full_snapshot_per_commit(int seed)
    {
        // Arrange
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var random = new Random(seed);
        var model = new Dictionary<string, Dictionary<string, string>>
        {
            [(await catalog.GetBranchAsync("main")).Hash] = [],
        };
        var branches = new List<string> { "main" };

        // Act
        for (var step = 0; step < 60; step++)
        {
            var branch = branches[random.Next(branches.Count)];
            var roll = random.Next(10);
            if (roll < 6)
            {
                await CommitRandomAsync(catalog, branch, random, model);
            }
            else if (roll < 8)
            {
                var name = $"b{step}";
                await catalog.CreateBranchAsync(name, model.Keys.ElementAt(random.Next(model.Count)));
                branches.Add(name);
            }
            else
            {
                await MergeAsync(catalog, branches[random.Next(branches.Count)], branch, model);
            }
        }

        // Assert
        foreach (var (hash, expected) in model)
        {
            Assert.Equal(expected, await ViewsAtAsync(catalog, hash));
            var read = await catalog.GetViewsAsync(hash, s_keys.Select(Key).ToList());
            Assert.Equal(expected.OrderBy(v => v.Key, StringComparer.Ordinal), read.Select(v => KeyValuePair.Create(v.Key.ToString(), v.Sql)).OrderBy(v => v.Key, StringComparer.Ordinal));
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_long_line_of_pull_requests_keeps_every_commit_readable()
    {
        // Arrange: each round cuts dev from main, commits on dev before main moves, and merges dev back, so main's
        // first-parent line forks into a new chain every round.
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var model = new Dictionary<string, Dictionary<string, string>>();
        var views = new Dictionary<string, string>(StringComparer.Ordinal);

        // Act
        for (var round = 0; round < 25; round++)
        {
            var main = await catalog.GetBranchAsync("main");
            await catalog.CreateBranchAsync("dev", main.Hash);
            var key = $"s.v{round % 7}";
            views[key] = $"SELECT {round}";
            var dev = await PutAsync(catalog, "dev", (key, views[key]));
            await PutAsync(catalog, "main", ($"s.main{round}", "SELECT 0"));
            views[$"s.main{round}"] = "SELECT 0";
            var merged = await catalog.MergeAsync("dev", dev, "main", (await catalog.GetBranchAsync("main")).Hash, dryRun: false);
            model[merged.ResultHash!] = new Dictionary<string, string>(views, StringComparer.Ordinal);
            await catalog.DeleteBranchAsync("dev", dev);
        }

        // Assert
        foreach (var (hash, expected) in model)
        {
            Assert.Equal(expected, await ViewsAtAsync(catalog, hash));
        }
    }

    private static async Task CommitRandomAsync(
        LocalCatalog catalog, string branch, Random random, Dictionary<string, Dictionary<string, string>> model)
    {
        var head = await catalog.GetBranchAsync(branch);
        var views = new Dictionary<string, string>(model[head.Hash], StringComparer.Ordinal);
        var operations = new List<ViewOperation>();
        foreach (var key in s_keys.Where(_ => random.Next(3) == 0).DefaultIfEmpty(s_keys[0]))
        {
            if (views.ContainsKey(key) && random.Next(3) == 0)
            {
                operations.Add(ViewOperation.Delete(Key(key)));
                views.Remove(key);
            }
            else
            {
                var sql = s_texts[random.Next(s_texts.Length)];
                operations.Add(ViewOperation.Put(Key(key), sql));
                views[key] = sql;
            }
        }

        model[(await catalog.CommitAsync(branch, head.Hash, operations, "random")).Hash] = views;
    }

    /// <summary>A merge without conflicts takes each key from the side that changed it since the common ancestor.</summary>
    private static async Task MergeAsync(
        LocalCatalog catalog, string from, string into, Dictionary<string, Dictionary<string, string>> model)
    {
        var source = await catalog.GetBranchAsync(from);
        var target = await catalog.GetBranchAsync(into);
        var result = await catalog.MergeAsync(source.Name, source.Hash, target.Name, target.Hash, dryRun: false);
        if (!result.WasApplied)
        {
            return;
        }

        var (theirs, ours, common) = (model[source.Hash], model[target.Hash], model[result.CommonAncestorHash!]);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in theirs.Keys.Union(ours.Keys).Union(common.Keys))
        {
            var value = theirs.GetValueOrDefault(key) != common.GetValueOrDefault(key) ? theirs.GetValueOrDefault(key) : ours.GetValueOrDefault(key);
            if (value is not null)
            {
                merged[key] = value;
            }
        }

        model[result.ResultHash!] = merged;
    }

    private static long Count(TempDirectory temp, string table)
    {
        using var connection = new SqliteConnection($"Data Source={temp.Combine(".lakehouse", "catalog.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
