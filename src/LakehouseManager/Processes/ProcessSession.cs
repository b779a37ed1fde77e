using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LakehouseManager.Processes;

/// <summary>
/// One running process: started with redirected streams, fed its standard input, draining its standard error, and
/// killed (whole tree) when the caller cancels, the timeout elapses, or the session is disposed before the process
/// ended. Callers read standard output themselves (buffered or streamed).
/// </summary>
internal sealed class ProcessSession : IAsyncDisposable
{
    private const int NotKilled = 0;
    private const int KilledByCancellation = 1;
    private const int KilledByTimeout = 2;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Command _command;
    private readonly Process _process;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource? _timeoutSource;
    private readonly Task _standardInputTask;
    private readonly CancellationTokenRegistration _cancellationRegistration;
    private readonly CancellationTokenRegistration _timeoutRegistration;
    private readonly CancellationTokenSource _aborted = new();
    private int _killReason = NotKilled;

    private ProcessSession(Command command, Process process, CancellationToken cancellationToken)
    {
        _command = command;
        _process = process;
        _cancellationToken = cancellationToken;
        StartTime = command.TimeProvider.GetUtcNow();
        StandardOutput = process.StandardOutput.BaseStream;
        StandardError = ReadToEndAsync(process.StandardError.BaseStream, _aborted.Token);
        _standardInputTask = WriteStandardInputAsync(process, command.StandardInput);
        if (command.Timeout is { } timeout)
        {
            _timeoutSource = new CancellationTokenSource(timeout, command.TimeProvider);
            _timeoutRegistration = _timeoutSource.Token.Register(() => Kill(KilledByTimeout));
        }

        _cancellationRegistration = cancellationToken.Register(() => Kill(KilledByCancellation));
    }

    public DateTimeOffset StartTime { get; }

    /// <summary>
    /// Cancelled when the session kills the process (cancellation or timeout). Reads of the output take it, because a
    /// process that exited can leave a background child holding the pipes open: without it they would wait for that
    /// child, past the timeout, however long it lives.
    /// </summary>
    public CancellationToken Aborted => _aborted.Token;

    public Stream StandardOutput { get; }

    /// <summary>All of standard error, read concurrently so a chatty process never blocks on a full pipe.</summary>
    public Task<byte[]> StandardError { get; }

    public static ProcessSession Start(Command command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var process = new Process { StartInfo = CreateStartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            var reason = command.WorkingDirectory is { } directory && !Directory.Exists(directory)
                ? $"the working directory '{directory}' does not exist."
                : $"{exception.Message} (is '{command.TargetFilePath}' installed and on PATH?)";
            throw new CommandStartException(command.ToString(), reason, exception);
        }

        return new ProcessSession(command, process, cancellationToken);
    }

    /// <summary>Waits for the exit; raises cancellation or timeout when the session killed the process.</summary>
    public async Task<(int ExitCode, DateTimeOffset ExitTime)> WaitForExitAsync()
    {
        // No token here: cancellation kills the process, which ends this wait.
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var exitTime = _command.TimeProvider.GetUtcNow();
        await _standardInputTask.ConfigureAwait(false);
        ThrowIfKilled();
        return (_process.ExitCode, exitTime);
    }

    /// <summary>Raises <see cref="OperationCanceledException"/> or <see cref="CommandTimeoutException"/> when the
    /// session killed the process.</summary>
    public void ThrowIfKilled()
    {
        switch (Volatile.Read(ref _killReason))
        {
            case KilledByCancellation:
                throw new OperationCanceledException(
                    $"Command '{_command}' was canceled and its process tree killed.", _cancellationToken);
            case KilledByTimeout:
                throw new CommandTimeoutException(_command.ToString(), _command.Timeout!.Value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancellationRegistration.DisposeAsync().ConfigureAwait(false);
        await _timeoutRegistration.DisposeAsync().ConfigureAwait(false);
        if (!HasExited())
        {
            // The caller stopped early (an exception, or a streaming reader that had enough): end the process.
            KillTree();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (!StandardError.IsCompleted)
        {
            // Whoever holds the pipe (a background child of an exited process) is not waited for.
            _aborted.Cancel();
        }

        await Task.WhenAll(StandardError, _standardInputTask).ContinueWith(_ => { }, TaskScheduler.Default)
            .ConfigureAwait(false);
        _timeoutSource?.Dispose();
        _aborted.Dispose();
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(Command command)
    {
        var startInfo = new ProcessStartInfo(command.TargetFilePath)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = s_utf8,
            StandardOutputEncoding = s_utf8,
            StandardErrorEncoding = s_utf8,
            WorkingDirectory = command.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument.Value);
        }

        foreach (var variable in command.EnvironmentVariables)
        {
            if (variable.Value is null)
            {
                startInfo.Environment.Remove(variable.Name);
            }
            else
            {
                startInfo.Environment[variable.Name] = variable.Value;
            }
        }

        return startInfo;
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken aborted)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, aborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task WriteStandardInputAsync(Process process, ReadOnlyMemory<byte> input)
    {
        try
        {
            if (!input.IsEmpty)
            {
                await process.StandardInput.BaseStream.WriteAsync(input).ConfigureAwait(false);
            }

            await process.StandardInput.BaseStream.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The process exited (or was killed) without reading all its input: its exit code tells the story.
        }
        finally
        {
            try
            {
                // Closing signals end of input; the writer has no preamble to flush (UTF-8 without BOM).
                process.StandardInput.Close();
            }
            catch (IOException)
            {
            }
        }
    }

    private void Kill(int reason)
    {
        if (Interlocked.CompareExchange(ref _killReason, reason, NotKilled) != NotKilled)
        {
            return;
        }

        if (!HasExited())
        {
            KillTree();
        }

        // Even when the process itself has exited, the reads stop waiting for whoever still holds its pipes.
        _aborted.Cancel();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting while we tried; nothing left to kill.
        }
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
