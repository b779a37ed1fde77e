using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Mirror.Git;

namespace LakehouseManager.Benchmarks;

/// <summary>
/// <c>startup</c> (issue 12): how long a CodeBuild job waits for the tool before it does its work. The published bundle
/// (<c>./build.sh Pack</c>: self-contained, nothing compiles) is started as the buildspec starts it (<c>CI=true</c>,
/// <c>CODEBUILD_BUILD_ID</c> set, its own <c>--root</c>), running <c>Sync</c> of a Nessie catalog on a fresh clone;
/// the loopback Nessie fake records when each request arrives. The figure is the time from just before the process
/// starts to the fake's first request, and the whole run's time beside it.
/// </summary>
internal static class StartupBenchmark
{
    public const string Name = "startup";

    public const string Summary = "the published bundle started as CodeBuild starts it: time to its first catalog request [--tool PATH --runs 5]";

    private const string Token = "bench-nessie-token-7d21";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryRoot();
        var tool = Option(args, "--tool") ?? Path.Combine(root, "artifacts", "publish", RuntimeInformation.RuntimeIdentifier, "lakehouse-manager");
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        if (!File.Exists(tool))
        {
            await Console.Error.WriteLineAsync($"There is no bundle at {tool}: run ./build.sh Pack first, or pass --tool PATH.");
            return 2;
        }

        var workspace = Path.Combine(Path.GetTempPath(), $"lhm-bench-startup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workspace);
        try
        {
            await using var nessie = await NessieFake.StartAsync(new NessieFakeOptions { Token = Token, MetadataFolder = Path.Combine(workspace, "warehouse") });
            NessieFakeSeeder.Seed(nessie, 20);
            var firsts = new List<double>();
            Console.WriteLine("| run | first catalog request | whole Sync (exit) |");
            Console.WriteLine("|---:|---:|---:|");
            for (var run = 1; run <= runs; run++)
            {
                var remote = await GitRepository.InitAsync(Path.Combine(workspace, $"run-{run}", "remote.git"), bare: true);
                var checkout = await GitRepository.CloneAsync(remote.Directory, Path.Combine(workspace, $"run-{run}", "checkout"));
                var toolRoot = Directory.CreateDirectory(Path.Combine(workspace, $"run-{run}", "root", ".nuke")).Parent!.FullName;
                nessie.ResetRequests();
                var start = new ProcessStartInfo(tool)
                {
                    ArgumentList =
                    {
                        "Sync", "--catalog", "nessie", "--nessie-url", nessie.ApiUri.ToString(), "--to-ref", "main",
                        "--repo-path", checkout.Directory, "--root", toolRoot, "--artifacts-path", Path.Combine(workspace, $"run-{run}", "artifacts"),
                    },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                start.Environment["CI"] = "true";
                start.Environment["CODEBUILD_BUILD_ID"] = $"lakehouse-manager:bench-{run}";
                start.Environment["NESSIE_TOKEN"] = Token;
                var began = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                var whole = clock.Elapsed.TotalSeconds;
                var requests = nessie.Requests;
                if (process.ExitCode != 0 || requests.Count == 0)
                {
                    await Console.Error.WriteLineAsync($"Run {run} failed ({process.ExitCode}): {await output}{await errors}");
                    return 1;
                }

                var first = (requests.Min(r => r.At) - began).TotalSeconds;
                firsts.Add(first);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {first:F2} s | {whole:F2} s ({process.ExitCode}) |"));
            }

            firsts.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Median time from process start to the first catalog request: {firsts[firsts.Count / 2]:F2} s (of {runs} runs; the bound is 2 s)."));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LakehouseManager.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
