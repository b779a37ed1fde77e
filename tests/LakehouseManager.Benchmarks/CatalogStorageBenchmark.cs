using System.Diagnostics;
using System.Globalization;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using Microsoft.Data.Sqlite;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// The embedded catalog's storage at scale (issue 9, item 1): <c>--views</c> views created one commit at a time, as a
/// user running one CREATE VIEW after another does. At every <c>--every</c> views it reports the file size (after a
/// WAL checkpoint, so the figure is the file's own) and the time the commits took so far, and at the marks given by
/// <c>--marks</c> it also times reads at the last commit: the whole listing, a diff over the whole history, a diff of
/// the last commit, and 100 point reads. Uses only the catalog's public API, so it runs unchanged on older code.
/// </summary>
internal static class CatalogStorageBenchmark
{
    public const string Name = "storage";

    public const string Summary = "Local catalog storage: views created one commit at a time (--views 10000, --every 1000, --marks 1000,10000)";

    private const int PageSize = 500;

    public static async Task<int> RunAsync(string[] args)
    {
        var views = IntOption(args, "--views", 10_000);
        var every = IntOption(args, "--every", 1_000);
        var marks = (OptionValue(args, "--marks") ?? "1000,10000").Split(',')
            .Select(m => int.Parse(m, CultureInfo.InvariantCulture)).ToHashSet();
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-storage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            var path = Path.Combine(workspace, "catalog.db");
            Console.WriteLine($"Storage benchmark: {views:N0} views, one commit each, in {path}");
            Console.WriteLine();
            Console.WriteLine("| views | file size | bytes per view | create (cumulative) | list all | diff first→last | diff last commit | 100 reads |");
            Console.WriteLine("| --: | --: | --: | --: | --: | --: | --: | --: |");
            using var catalog = await LocalCatalog.OpenAsync(path);
            var first = (await catalog.GetBranchAsync("main")).Hash;
            var head = first;
            var creating = new Stopwatch();
            for (var i = 1; i <= views; i++)
            {
                creating.Start();
                head = (await catalog.CommitAsync("main", head, [ViewOperation.Put(Key(i), Sql(i))], $"CREATE VIEW {Key(i)}")).Hash;
                creating.Stop();
                if (i % every == 0 || marks.Contains(i))
                {
                    var size = FileSize(path);
                    var reads = marks.Contains(i) ? await ReadsAsync(catalog, first, head, i) : null;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {i:N0} | {size / 1e6:F2} MB | {size / (double)i:F0} | {creating.Elapsed.TotalSeconds:F1} s | {reads ?? "– | – | – | –"} |"));
                }
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TryDelete(workspace);
        }
    }

    /// <summary>List, diff and read at the last commit; each checked against what it must return.</summary>
    private static async Task<string> ReadsAsync(LocalCatalog catalog, string first, string head, int count)
    {
        var watch = Stopwatch.StartNew();
        var listed = 0;
        await foreach (var _ in catalog.ListAllViewsAsync(head, PageSize))
        {
            listed++;
        }

        var list = watch.Elapsed;
        watch.Restart();
        var changed = 0;
        await foreach (var _ in catalog.DiffAllAsync(first, head, PageSize))
        {
            changed++;
        }

        var diffAll = watch.Elapsed;
        var previous = (await catalog.GetLogFromAsync(head, 2))[1].Hash;
        watch.Restart();
        var lastChanges = 0;
        await foreach (var _ in catalog.DiffAllAsync(previous, head, PageSize))
        {
            lastChanges++;
        }

        var diffLast = watch.Elapsed;
        var random = new Random(count);
        var keys = Enumerable.Range(0, 100).Select(_ => Key(1 + random.Next(count))).Distinct().ToList();
        watch.Restart();
        var read = 0;
        foreach (var key in keys)
        {
            read += (await catalog.GetViewsAsync(head, [key])).Count;
        }

        var reads = watch.Elapsed;
        if (listed != count || changed != count || lastChanges != 1 || read != keys.Count)
        {
            throw new InvalidOperationException(
                $"Wrong results at {count} views: listed {listed}, diff {changed}, last diff {lastChanges}, read {read}/{keys.Count}.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{list.TotalMilliseconds:F0} ms | {diffAll.TotalMilliseconds:F0} ms | {diffLast.TotalMilliseconds:F1} ms | {reads.TotalMilliseconds:F0} ms");
    }

    /// <summary>The catalog file's size once the WAL is written back into it.</summary>
    private static long FileSize(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        var wal = new FileInfo(path + "-wal");
        return new FileInfo(path).Length + (wal.Exists ? wal.Length : 0);
    }

    private static ContentKey Key(int i) => ContentKey.Of("lake", $"domain_{i % 100:D3}", $"view_{i:D5}");

    private static string Sql(int i) =>
        $"SELECT o.id, o.customer_id, o.amount, o.order_date\nFROM lake.raw.orders o\nWHERE o.region_id = {i % 17} -- view {i}";

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        OptionValue(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
