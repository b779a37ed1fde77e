using System.Diagnostics;
using TargetRunner;

/// <summary>
/// Runs a tool with an argument list (never a shell string), streams its output through <see cref="Log"/> (so
/// secrets are masked), kills it with its children on cancellation, and fails on a non-zero exit code.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>How long to keep reading output after the process exited (grandchildren may hold the pipes).</summary>
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        CancellationToken cancellationToken,
        bool throwOnFailure = true,
        bool quiet = false)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        var commandLine = Display(fileName, arguments);
        Log.Information("> {CommandLine}", commandLine);

        using var process = Process.Start(startInfo) ?? throw new ProcessException(commandLine, -1);
        var output = PumpAsync(process.StandardOutput, quiet);
        var error = PumpAsync(process.StandardError, quiet);
        using (cancellationToken.Register(() => Kill(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(s_drainTimeout, CancellationToken.None));
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new ProcessException(commandLine, process.ExitCode);
        }

        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, bool quiet)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (quiet)
            {
                Log.Debug("{Line}", line);
            }
            else
            {
                Log.Information("{Line}", line);
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Display(string fileName, IReadOnlyList<string> arguments) =>
        string.Join(' ', arguments.Prepend(Path.GetFileName(fileName)).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
