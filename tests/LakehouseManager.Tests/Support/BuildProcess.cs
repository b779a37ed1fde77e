using CliWrap;
using CliWrap.Buffered;

namespace LakehouseManager.Tests.Support;

/// <summary>
/// Runs the build (<c>./build.sh TARGET ...</c>) in a process of its own, as CodeBuild jobs and users do: the compiled
/// <c>build/bin/Debug/net10.0/_build.dll</c> that <c>build.sh</c> makes. Before the first run of a test process,
/// <c>build.sh --help</c> compiles it when it is missing or older than its sources (build.sh's own rule), so a checkout
/// that lives long never tests a stale build.
/// </summary>
internal static class BuildProcess
{
    private static readonly SemaphoreSlim s_build = new(1, 1);
    private static bool s_checked;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string BuildDll => Path.Combine(RepositoryRoot, "build", "bin", "Debug", "net10.0", "_build.dll");

    /// <summary>Runs targets with arguments; the result carries the exit code and all the output.</summary>
    public static async Task<BufferedCommandResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        await EnsureBuiltAsync(cancellationToken);
        return await Cli.Wrap("dotnet")
            .WithArguments(["exec", BuildDll, .. arguments, "--no-logo", "--root", RepositoryRoot])
            .WithWorkingDirectory(RepositoryRoot)
            .WithEnvironmentVariables(e => e.Set("CI", "true").Set(environment ?? new Dictionary<string, string?>()))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }

    public static async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        await s_build.WaitAsync(cancellationToken);
        try
        {
            if (!s_checked)
            {
                var result = await Cli.Wrap("bash")
                    .WithArguments([Path.Combine(RepositoryRoot, "build.sh"), "--help"])
                    .WithWorkingDirectory(RepositoryRoot)
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(cancellationToken);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"./build.sh --help failed ({result.ExitCode}), so the build cannot be tested:\n{result.StandardError}{result.StandardOutput}");
                }

                s_checked = true;
            }
        }
        finally
        {
            s_build.Release();
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LakehouseManager.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: LakehouseManager.sln was not found above them.");
    }
}
