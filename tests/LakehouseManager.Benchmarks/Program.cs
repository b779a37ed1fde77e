namespace LakehouseManager.Benchmarks;

/// <summary>
/// Runs one benchmark by name: <c>dotnet run --project tests/LakehouseManager.Benchmarks -c Release -- NAME [options]</c>.
/// Each benchmark lives in its own file and is registered here by name; it parses its own options and returns the exit
/// code.
/// </summary>
internal static class Program
{
    private static readonly IReadOnlyDictionary<string, Benchmark> s_benchmarks =
        new Dictionary<string, Benchmark>(StringComparer.OrdinalIgnoreCase)
        {
            [DataTestsBenchmark.Name] = new(DataTestsBenchmark.Summary, DataTestsBenchmark.RunAsync),
            [SyncBenchmark.Name] = new(SyncBenchmark.Summary, SyncBenchmark.RunAsync),
            [CatalogStorageBenchmark.Name] = new(CatalogStorageBenchmark.Summary, CatalogStorageBenchmark.RunAsync),
            [SqlScriptBenchmark.Name] = new(SqlScriptBenchmark.Summary, SqlScriptBenchmark.RunAsync),
            [NessieBenchmark.Name] = new(NessieBenchmark.Summary, NessieBenchmark.RunAsync),
            [StartupBenchmark.Name] = new(StartupBenchmark.Summary, StartupBenchmark.RunAsync),
            [SyncBenchmark.StepName] = new("(internal) one measured step of the sync benchmark, in its own process", SyncBenchmark.StepAsync),
        };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(Console.Out);
            return args.Length == 0 ? 2 : 0;
        }

        if (!s_benchmarks.TryGetValue(args[0], out var benchmark))
        {
            await Console.Error.WriteLineAsync(
                $"Unknown benchmark '{args[0]}'. Benchmarks are: {string.Join(", ", s_benchmarks.Keys.Order(StringComparer.Ordinal))}.");
            return 2;
        }

        try
        {
            return await benchmark.RunAsync(args[1..]);
        }
        catch (BenchmarkArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("Usage: dotnet run --project tests/LakehouseManager.Benchmarks -c Release -- BENCHMARK [options]");
        output.WriteLine();
        output.WriteLine("Benchmarks:");
        foreach (var (name, benchmark) in s_benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {name,-12} {benchmark.Summary}");
        }
    }
}
