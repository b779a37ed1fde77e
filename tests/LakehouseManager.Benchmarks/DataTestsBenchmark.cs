using System.Diagnostics;
using System.Globalization;
using System.Text;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Http;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// <c>datatests</c>: a tests file of N tests run against the Dremio fake on loopback, each job taking a fixed latency,
/// with bounded parallelism. The ideal wall time is ceil(N / parallelism) × latency; the overhead above it is what
/// polling, HTTP and evaluation cost.
/// </summary>
internal static class DataTestsBenchmark
{
    public const string Name = "datatests";

    public const string Summary =
        "data tests against the Dremio fake [--tests 200 --latency-ms 200 --parallelism 4 " +
        "--first-poll-ms 50 --fast-poll-window-ms 1000 --max-poll-ms 2000]";

    private const string ScalarSql = "SELECT COUNT(*) AS n FROM bench.";
    private const string RowsSql = " WHERE amount < 0";

    public static async Task<int> RunAsync(string[] args)
    {
        var defaults = DremioQueryEngineOptions.Default;
        var options = new BenchmarkArguments(
            args, "--tests", "--latency-ms", "--parallelism", "--first-poll-ms", "--fast-poll-window-ms", "--max-poll-ms");
        var tests = options.Int("--tests", 200, 1);
        var latency = TimeSpan.FromMilliseconds(options.Int("--latency-ms", 200, 0));
        var parallelism = options.Int("--parallelism", 4, 1);
        var engineOptions = defaults with
        {
            FirstPollDelay = TimeSpan.FromMilliseconds(options.Int("--first-poll-ms", (int)defaults.FirstPollDelay.TotalMilliseconds, 1)),
            FastPollWindow = TimeSpan.FromMilliseconds(options.Int("--fast-poll-window-ms", (int)defaults.FastPollWindow.TotalMilliseconds, 0)),
            MaxPollDelay = TimeSpan.FromMilliseconds(options.Int("--max-poll-ms", (int)defaults.MaxPollDelay.TotalMilliseconds, 1)),
        };

        await using var fake = await DremioFake.StartAsync(new DremioFakeOptions { JobLatency = latency });
        fake.OnSql(sql => sql.StartsWith(ScalarSql, StringComparison.Ordinal),
            DremioFakeOutcome.Rows(DremioFakeResult.Scalar("n", "BIGINT", 42L)));
        fake.OnSql(sql => sql.EndsWith(RowsSql, StringComparison.Ordinal),
            DremioFakeOutcome.Rows(DremioFakeResult.Empty(new DremioFakeColumn("id", "BIGINT"))));
        using var client = new DremioClient(DremioEndpoint.Cloud(fake.ProjectId, "us"), new BearerToken(fake.Pat), fake.CreateHandler());
        var runner = new DataTestRunner(
            new DremioQueryEngine(client, "bench", engineOptions), new DataTestRunnerOptions { MaxParallelism = parallelism });

        // Warm-up (not measured): JIT, the connection pool, Kestrel; the fake's jobs without latency.
        fake.OnSql(sql => sql.StartsWith("SELECT 'warm-up'", StringComparison.Ordinal),
            DremioFakeOutcome.Rows(DremioFakeResult.Empty(new DremioFakeColumn("id", "BIGINT"))).After(TimeSpan.Zero));
        await runner.RunAsync(Suite(parallelism * 2, warmUp: true), QueryVersion.AtHead("main"));

        var suite = Suite(tests, warmUp: false);
        var requestsBefore = fake.Requests.Count;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var stopwatch = Stopwatch.StartNew();
        var run = await runner.RunAsync(suite, QueryVersion.AtHead("main"));
        stopwatch.Stop();
        var requests = fake.Requests.Skip(requestsBefore).ToList();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        var ideal = latency * Math.Ceiling(tests / (double)parallelism);
        var polls = requests.Count(r => r.Method == "GET" && r.ApiPath is { } path &&
            path.StartsWith("job/", StringComparison.Ordinal) && !path.EndsWith("/results", StringComparison.Ordinal));
        Print(new Figures(tests, latency, parallelism, stopwatch.Elapsed, ideal, requests.Count, polls, process.PeakWorkingSet64, allocated), engineOptions);

        if (run.Passed != tests)
        {
            await Console.Error.WriteLineAsync($"Expected {tests} passing tests, got {run.Passed}: the measurement is not valid.");
            return 1;
        }

        return 0;
    }

    /// <summary>Half scalar tests, half failing-rows tests, so both the first-row and the empty-result paths run.</summary>
    private static DataTestSuite Suite(int count, bool warmUp)
    {
        var yaml = new StringBuilder("tests:\n");
        for (var i = 1; i <= count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"t{i:D4}");
            if (warmUp)
            {
                yaml.Append($"  - name: {name}\n    sql: SELECT 'warm-up' AS id FROM bench.{name}\n    expect: {{ no_rows: true }}\n");
            }
            else if (i % 2 == 0)
            {
                yaml.Append($"  - name: {name}\n    sql: {ScalarSql}{name}\n    expect: {{ scalar: {{ column: n, equals: 42 }} }}\n");
            }
            else
            {
                yaml.Append($"  - name: {name}\n    sql: SELECT id FROM bench.{name}{RowsSql}\n    expect: {{ no_rows: true }}\n");
            }
        }

        return DataTestFileParser.Parse(yaml.ToString(), warmUp ? "warm-up.yaml" : "benchmark.yaml");
    }

    private static void Print(Figures f, DremioQueryEngineOptions engine)
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        var overhead = f.Ideal > TimeSpan.Zero ? (f.Wall / f.Ideal - 1) * 100 : double.NaN;
        var schedule = engine.FastPollWindow > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"every {engine.FirstPollDelay.TotalMilliseconds:0} ms for the first {engine.FastPollWindow.TotalMilliseconds:0} ms, then doubling")
            : string.Create(CultureInfo.InvariantCulture, $"doubling from {engine.FirstPollDelay.TotalMilliseconds:0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Data tests on the Dremio fake (loopback); status polls at once, then {schedule} up to {engine.MaxPollDelay.TotalMilliseconds:0} ms"));
        Console.WriteLine();
        Console.WriteLine("| tests | latency | parallelism | wall time | ideal time | overhead | HTTP requests | status polls | peak working set | allocated |");
        Console.WriteLine("| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {f.Tests} | {f.Latency.TotalMilliseconds:0} ms | {f.Parallelism} | {Seconds(f.Wall)} | {Seconds(f.Ideal)} | " +
            $"{overhead:0.0} % | {f.Requests} | {f.Polls} | {f.PeakWorkingSet / 1048576.0:0} MiB | {f.Allocated / 1048576.0:0} MiB |"));
    }

    private sealed record Figures(
        int Tests, TimeSpan Latency, int Parallelism, TimeSpan Wall, TimeSpan Ideal, int Requests, int Polls, long PeakWorkingSet, long Allocated);
}
