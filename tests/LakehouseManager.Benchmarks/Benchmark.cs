namespace LakehouseManager.Benchmarks;

/// <summary>A registered benchmark: a one-line summary for the usage text, and the code that runs it.</summary>
/// <param name="Summary">What it measures and its options.</param>
/// <param name="RunAsync">Runs it with the arguments after its name; returns the exit code.</param>
internal sealed record Benchmark(string Summary, Func<string[], Task<int>> RunAsync);
