using System.Diagnostics;
using System.Globalization;
using LakehouseManager.Composition;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Http;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// <c>nessie</c> (issue 10, item 7): this tool against the original approach on the same fakes, a Nessie catalog of
/// 10,000 views served by Dremio as a source. Scenarios: the bootstrap, then 1 and 100 views changed since the last
/// sync; each without latency and with 50 ms per request on both fakes. Requests are counted by the fakes.
/// </summary>
internal static class NessieBenchmark
{
    public const string Name = "nessie";

    public const string Summary =
        "this tool vs the original approach on the Nessie and Dremio fakes [--views 10000 --changed 1,100 --latency-ms 0,50]";

    private const string Source = "lakehouse";
    private const string Token = "bench-pat-0a1b2c";

    public static async Task<int> RunAsync(string[] args)
    {
        var views = IntOption(args, "--views", 10_000);
        var changes = ListOption(args, "--changed", [1, 100]);
        var latencies = ListOption(args, "--latency-ms", [0, 50]);
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-nessie-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            await using var nessie = await NessieFake.StartAsync(new NessieFakeOptions { Token = Token, MetadataFolder = Path.Combine(workspace, "warehouse") });
            await using var dremio = await DremioFake.StartAsync(new DremioFakeOptions { Pat = Token });
            nessie.ServeDremio(dremio, Source);
            var seeding = Stopwatch.StartNew();
            var seed = NessieFakeSeeder.Seed(nessie, views);
            Console.WriteLine($"Seeded {seed.Views.Count:N0} views ({nessie.Repository.CommitCount:N0} commits) in {seeding.Elapsed.TotalSeconds:F1} s");

            var rows = new List<string>();
            var round = 0;
            foreach (var latencyMs in latencies)
            {
                var latency = TimeSpan.FromMilliseconds(latencyMs);
                var checkout = await NewCheckoutAsync(workspace, $"run-{latencyMs}");
                var measure = new Measure(nessie, dremio, latency);
                var bootstrap = await measure.RunAsync(() => StepAsync(dremio, checkout, workspace, fetch: true));
                var bootstrapGit = await measure.RunAsync(() => StepAsync(dremio, checkout, workspace, fetch: false));
                rows.Add(Row($"bootstrap of {views:N0} views", latencyMs, bootstrap, bootstrapGit, null));
                foreach (var count in changes)
                {
                    var lastSeen = nessie.Repository.Head("main").Hash;
                    round++;
                    for (var i = 0; i < count; i++)
                    {
                        var index = (round * 997 + i * 37) % seed.Views.Count;
                        nessie.Views.AlterView("main", seed.Views[index], NessieFakeSeeder.SqlOf(index) + $"\n-- round {round}");
                    }

                    var tool = await measure.RunAsync(() => StepAsync(dremio, checkout, workspace, fetch: true));
                    var git = await measure.RunAsync(() => StepAsync(dremio, checkout, workspace, fetch: false));
                    var original = await measure.RunAsync(() => OriginalTickAsync(nessie, dremio, lastSeen));
                    rows.Add(Row($"{count:N0} view(s) changed", latencyMs, tool, git, original));
                }
            }

            Console.WriteLine();
            Console.WriteLine(
                "| scenario | latency | this tool: requests | this tool: FetchCatalogDelta | this tool: CommitMirror (git) | " +
                "original: requests | original: wall time |");
            Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            TryDelete(workspace);
        }
    }

    /// <summary>
    /// FetchCatalogDelta (the catalog work: Nessie and Dremio), or CommitMirror (the git work: write, commit, push), of
    /// main by the tool, each as <c>./build.sh ... --catalog dremio</c> runs it: a fresh composition root.
    /// </summary>
    private static async Task<string> StepAsync(DremioFake dremio, GitRepository checkout, string workspace, bool fetch)
    {
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            Catalog = CatalogKind.Dremio,
            DremioUrl = dremio.BaseAddress.ToString(),
            CatalogName = Source,
            DremioPat = Token,
            RepoPath = checkout.Directory,
            ArtifactsDirectory = Path.Combine(workspace, "artifacts"),
            Loggers = Environment.GetEnvironmentVariable("LHM_BENCH_TRACE") is null ? null : new SyncBenchmark.TraceLoggers(),
        });
        var pipeline = new LakehousePipeline(lakehouse);
        var delta = fetch
            ? await pipeline.FetchCatalogDeltaAsync("main")
            : (await pipeline.CommitMirrorAsync("main")).Delta;
        return Pipeline.Sync.SyncCommitMessage.Counts(delta);
    }

    /// <summary>One tick of the original approach since <paramref name="lastSeen"/>.</summary>
    private static async Task<string> OriginalTickAsync(NessieFake nessie, DremioFake dremio, string lastSeen)
    {
        using var http = new HttpClient();
        using var client = new DremioClient(DremioEndpoint.Software(dremio.BaseAddress.ToString()), new BearerToken(Token));
        var original = new OriginalApproach(http, nessie.ApiUri, Token, new DremioQueryEngine(client, Source), Source);
        var changed = await original.TickAsync("main", lastSeen);
        return $"{changed.Count} view(s) read";
    }

    private static async Task<GitRepository> NewCheckoutAsync(string workspace, string name)
    {
        var remote = await GitRepository.InitAsync(Path.Combine(workspace, name, "remote.git"), bare: true);
        return await GitRepository.CloneAsync(remote.Directory, Path.Combine(workspace, name, "checkout"));
    }

    /// <summary>
    /// A table row. The tool's requests are FetchCatalogDelta's, which are a Sync's: CommitMirror reads no catalog (run
    /// as a job of its own, it only finds the Nessie server through the Dremio source again, one request).
    /// </summary>
    private static string Row(string scenario, int latencyMs, Result fetch, Result commit, Result? original)
    {
        var originalCells = original is null
            ? "not possible: it reads only the changes made after it starts | – |"
            : string.Create(CultureInfo.InvariantCulture, $"{original.Requests:N0} | {original.Seconds:F2} s |");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {latencyMs} ms | {fetch.Requests:N0} | {fetch.Seconds:F2} s | {commit.Seconds:F2} s | {originalCells}");
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int[] ListOption(string[] args, string name, int[] fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? [.. args[index + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
            : fallback;
    }

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

    private sealed record Result(int Requests, double Seconds, string Detail);

    /// <summary>Runs one step with the latency on both fakes and counts the requests both received.</summary>
    private sealed class Measure(NessieFake nessie, DremioFake dremio, TimeSpan latency)
    {
        public async Task<Result> RunAsync(Func<Task<string>> step)
        {
            nessie.ResetRequests();
            var dremioBefore = dremio.Requests.Count;
            nessie.Latency = latency;
            dremio.RequestLatency = latency;
            var watch = Stopwatch.StartNew();
            string detail;
            try
            {
                detail = await step();
            }
            finally
            {
                nessie.Latency = TimeSpan.Zero;
                dremio.RequestLatency = TimeSpan.Zero;
            }

            watch.Stop();
            var requests = nessie.TotalRequests + dremio.Requests.Count - dremioBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {watch.Elapsed.TotalSeconds,7:F2} s {requests,6} requests  {detail}  (Nessie: {string.Join(", ", nessie.RequestCounts.Select(c => $"{c.Key} {c.Value}"))})"));
            return new Result(requests, watch.Elapsed.TotalSeconds, detail);
        }
    }
}
