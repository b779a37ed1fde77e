using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// The sync benchmark (issue: the whole loop on the embedded catalog): a local catalog of 10,000 views in 100
/// namespaces, a bare remote and a checkout, all real. Each measured step runs in a fresh child process that times
/// itself from after start-up to the end of the step, and reports its own peak working set.
/// </summary>
internal static class SyncBenchmark
{
    public const string Name = "sync";

    public const string Summary = "Sync and VerifyMirror on a local catalog of 10,000 views in 100 namespaces (--views, --namespaces, --rounds, --keep)";

    /// <summary>The child process entry: <c>step sync|verify WORKSPACE</c> (internal to this benchmark).</summary>
    public const string StepName = "step";

    public static async Task<int> RunAsync(string[] args)
    {
        var views = IntOption(args, "--views", 10_000);
        var namespaces = IntOption(args, "--namespaces", 100);
        var rounds = IntOption(args, "--rounds", 5);
        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-sync-{Guid.NewGuid():N}");
        try
        {
            Console.WriteLine($"Sync benchmark: {views:N0} views in {namespaces} namespaces, workspace {workspace}");
            var setup = Stopwatch.StartNew();
            await SetUpAsync(workspace, views, namespaces);
            Console.WriteLine($"  set-up (catalog with one commit of {views:N0} views, bare remote, clone): {setup.Elapsed.TotalSeconds:F1} s");

            var bootstrap = await StepAsync(workspace, "sync");
            var incremental = new List<StepResult>();
            for (var round = 0; round < rounds; round++)
            {
                await ChangeOneViewAsync(workspace, round, namespaces);
                incremental.Add(await StepAsync(workspace, "sync"));
            }

            var verify = await StepAsync(workspace, "verify");
            Print(views, bootstrap, incremental, verify);
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                TryDelete(workspace);
            }
        }
    }

    /// <summary>The child side: one step on an existing workspace, its metrics as one JSON line on stdout.</summary>
    public static async Task<int> StepAsync(string[] args)
    {
        var (step, workspace) = (args[0], args[1]);
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            CatalogPath = Path.Combine(workspace, "catalog.db"),
            RepoPath = Path.Combine(workspace, "checkout"),
            ArtifactsDirectory = Path.Combine(workspace, "artifacts"),
            Loggers = Environment.GetEnvironmentVariable("LHM_BENCH_TRACE") is null ? null : new TraceLoggers(),
        });
        var pipeline = new LakehousePipeline(lakehouse);
        var reads = new CatalogReads(0, 0, 0);
        var watch = Stopwatch.StartNew();
        string detail;
        switch (step)
        {
            case "sync":
                var outcome = await pipeline.SyncAsync("main");
                reads = outcome.CatalogReads ?? reads;
                detail = SyncCommitDetail(outcome);
                break;
            case "verify":
                detail = VerifyDetail(await pipeline.VerifyMirrorAsync("main"));
                break;
            default:
                throw new ArgumentException($"Unknown step '{step}'; valid steps are sync and verify.");
        }

        watch.Stop();
        var result = new StepResult(
            watch.Elapsed.TotalMilliseconds,
            Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
            reads.Calls,
            reads.ViewsRead + reads.ChangesRead,
            detail);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static string VerifyDetail(Pipeline.Verify.MirrorVerification verification) =>
        verification.Agrees ? $"agree: {verification.Comparison.ViewCount:N0} views" : $"{verification.Comparison.Drift.Count} drift";

    private static string SyncCommitDetail(Pipeline.Sync.SyncOutcome outcome) =>
        $"{Pipeline.Sync.SyncCommitMessage.Counts(outcome.Delta)}, {outcome.Push}";

    private static async Task SetUpAsync(string workspace, int views, int namespaces)
    {
        Directory.CreateDirectory(workspace);
        using var catalog = await LocalCatalog.OpenAsync(Path.Combine(workspace, "catalog.db"));
        var head = await catalog.GetBranchAsync("main");
        var operations = Enumerable.Range(0, views)
            .Select(i => ViewOperation.Put(Key(i, namespaces), Sql(i, 0)))
            .ToList();
        await catalog.CommitAsync("main", head.Hash, operations, "Benchmark views");
        var remote = await GitRepository.InitAsync(Path.Combine(workspace, "remote.git"), bare: true);
        await GitRepository.CloneAsync(remote.Directory, Path.Combine(workspace, "checkout"));
    }

    private static async Task ChangeOneViewAsync(string workspace, int round, int namespaces)
    {
        using var catalog = await LocalCatalog.OpenAsync(Path.Combine(workspace, "catalog.db"));
        var head = await catalog.GetBranchAsync("main");
        await catalog.CommitAsync("main", head.Hash, [ViewOperation.Put(Key(round * 7, namespaces), Sql(round * 7, round + 1))], "One change");
    }

    private static ContentKey Key(int i, int namespaces) =>
        ContentKey.Of("lake", $"domain_{i % namespaces:D3}", $"view_{i:D5}");

    private static string Sql(int i, int version) =>
        $"SELECT o.id, o.customer_id, o.amount * {version + 1} AS amount, o.order_date\n" +
        $"FROM lake.raw.orders o\nWHERE o.region_id = {i % 17} AND o.status = 'completed'\n-- view {i}, version {version}";

    private static async Task<StepResult> StepAsync(string workspace, string step)
    {
        var result = await Cli.Wrap(Environment.ProcessPath!)
            .WithArguments([StepName, step, workspace])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        var line = result.StandardOutput.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"Step '{step}' failed (exit {result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }

        return JsonSerializer.Deserialize<StepResult>(line)!;
    }

    private static void Print(int views, StepResult bootstrap, List<StepResult> incremental, StepResult verify)
    {
        var median = incremental.OrderBy(r => r.ElapsedMs).ElementAt(incremental.Count / 2);
        Console.WriteLine();
        Console.WriteLine("| step | wall time | peak working set | catalog calls | catalog items read | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        Row($"first Sync (bootstrap, {views:N0} views)", bootstrap);
        Row($"incremental Sync, 1 changed view (median of {incremental.Count})", median);
        Row($"VerifyMirror ({views:N0} views)", verify);
        Console.WriteLine();
        Console.WriteLine("Incremental rounds (ms): " + string.Join(", ", incremental.Select(r => r.ElapsedMs.ToString("F0", CultureInfo.InvariantCulture))));
    }

    private static void Row(string name, StepResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.ElapsedMs:F0} ms | {r.PeakWorkingSetMb:F0} MB | {r.CatalogCalls} | {r.CatalogItems} | {r.Detail} |"));

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
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

    internal sealed class TraceLoggers : Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILogger
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider) { }
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.Error.WriteLine($"{_watch.ElapsedMilliseconds,6} ms {formatter(state, exception).Split('\n')[0]}");
    }

    private sealed record StepResult(double ElapsedMs, double PeakWorkingSetMb, int CatalogCalls, int CatalogItems, string Detail);
}
