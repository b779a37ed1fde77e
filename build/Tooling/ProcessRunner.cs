using System.Diagnostics;
using System.Text;
using CliWrap;
using TargetRunner;

/// <summary>
/// Runs a tool through CliWrap with an argument list (never a shell string), streams its output lines through
/// <see cref="Log"/> (so secrets are masked), kills it with its children on cancellation, and fails on a non-zero exit
/// code.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>
    /// How long to keep reading output after the tool exited: a process it started and left running (a build server)
    /// may have inherited its output pipes, and would otherwise keep the target waiting for as long as it lives.
    /// </summary>
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        CancellationToken cancellationToken,
        bool throwOnFailure = true,
        bool quiet = false)
    {
        var commandLine = Display(fileName, arguments);
        Log.Information("> {CommandLine}", commandLine);
        Action<string> write = quiet ? line => Log.Debug("{Line}", line) : line => Log.Information("{Line}", line);
        var command = Cli.Wrap(fileName)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(e => e.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("DOTNET_NOLOGO", "1"))
            .WithValidation(CommandResultValidation.None)
            // Both pipes are always read: a tool whose pipe is left unread blocks, or dies of SIGPIPE.
            .WithStandardOutputPipe(PipeTarget.ToDelegate(write, Encoding.UTF8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(write, Encoding.UTF8));

        // CliWrap stops reading the pipes only on its forceful token: the caller's cancellation, or the drain timeout
        // that starts when the tool has exited.
        using var drained = new CancellationTokenSource();
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, drained.Token);
        var exit = new ExitWatch();
        int exitCode;
        try
        {
            var result = await command.ExecuteAsync(
                null, process => exit.Watch(process, drained), forceful.Token);
            exitCode = result.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && exit.ExitCode is { } code)
        {
            Log.Warning("{CommandLine} exited, but a process it started still holds its output; stopped reading it", commandLine);
            exitCode = code;
        }

        if (exitCode != 0 && throwOnFailure)
        {
            throw new ProcessException(commandLine, exitCode);
        }

        return exitCode;
    }

    private static string Display(string fileName, IReadOnlyList<string> arguments) =>
        string.Join(' ', arguments.Prepend(Path.GetFileName(fileName)).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    /// <summary>Records the tool's exit code when it exits, and then starts the drain timeout.</summary>
    private sealed class ExitWatch
    {
        private readonly TaskCompletionSource<int> _exited = new();

        public int? ExitCode => _exited.Task.IsCompletedSuccessfully ? _exited.Task.Result : null;

        public void Watch(Process process, CancellationTokenSource drained) => _ = WatchAsync(process, drained);

        private async Task WatchAsync(Process process, CancellationTokenSource drained)
        {
            try
            {
                await process.WaitForExitAsync(CancellationToken.None);
                _exited.TrySetResult(process.ExitCode);
                drained.CancelAfter(s_drainTimeout);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
            {
                // The run already ended and released the process and the token: nothing left to drain.
            }
        }
    }
}
