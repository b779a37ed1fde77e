using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using CliWrap;
using LakehouseManager.Reporting;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Runs git for one repository through CliWrap, the same way every time: an argument list (never a shell string), the
/// same safety options, a fixed identity, dates from the injected clock, no prompt, no editor, no pager, both output
/// pipes drained, and a timeout on the injected clock. Failures to run raise <see cref="GitException"/>; the exit code
/// of a run that ended is the caller's to judge.
/// </summary>
internal sealed class GitRunner
{
    // Every call. A view's bytes and names must reach the repository unchanged: no CRLF conversion, no quoting of
    // non-ASCII names, no precomposing of decomposed (NFD) names on macOS. And git must leave nothing running behind
    // it: an automatic gc or maintenance run forks a background job that keeps git's output pipes open after git has
    // exited, and whoever reads that output would wait for it.
    private static readonly string[] s_globalOptions =
    [
        "-c", "core.quotepath=off",
        "-c", "core.autocrlf=false",
        "-c", "core.safecrlf=false",
        "-c", "core.precomposeunicode=false",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
        "--literal-pathspecs",
    ];

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public GitRunner(string directory, GitOptions options)
    {
        Directory = directory;
        Options = options;
    }

    /// <summary>The full path of the folder git runs in.</summary>
    public string Directory { get; }

    public GitOptions Options { get; }

    /// <summary>Runs git to its end; a non-zero exit raises <see cref="GitException"/> quoting git's error output.</summary>
    public async Task<GitOutput> RunAsync(
        string operation, Action<GitArguments> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        var output = await TryRunAsync(operation, arguments, cancellationToken, standardInput).ConfigureAwait(false);
        return output.ExitCode == 0 ? output : throw Failure(operation, output);
    }

    /// <summary>Runs git to its end whatever its exit code (for commands whose exit code is an answer).</summary>
    public async Task<GitOutput> TryRunAsync(
        string operation, Action<GitArguments> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        var args = Build(arguments);
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var input = standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput, s_utf8);
        var exitCode = await ExecuteAsync(operation, args, input, PipeTarget.ToStream(output), error, cancellationToken)
            .ConfigureAwait(false);
        return new GitOutput(exitCode, output.ToArray(), Decode(args, error));
    }

    /// <summary>
    /// Runs git and yields its standard output as records split at <paramref name="separator"/> while git writes them.
    /// Stopping the enumeration early stops git; enumerating to the end checks the exit code, and only then yields a
    /// last record that has no separator after it.
    /// </summary>
    public async IAsyncEnumerable<string> StreamAsync(
        string operation,
        Action<GitArguments> arguments,
        char separator,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var args = Build(arguments);
        var records = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var reader = new GitRecordReader(separator, records.Writer);
        using var error = new MemoryStream();
        using var abandon = new CancellationTokenSource();
        var run = ProduceAsync();
        try
        {
            await foreach (var record in records.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }

            var exitCode = await run.ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw Failure(operation, new GitOutput(exitCode, ReadOnlyMemory<byte>.Empty, Decode(args, error)));
            }

            if (reader.Tail.Length > 0)
            {
                yield return reader.Tail;
            }
        }
        finally
        {
            if (!run.IsCompleted)
            {
                // The reader had enough (or failed): git is killed, and how it ended is of no interest.
                await abandon.CancelAsync().ConfigureAwait(false);
                await run.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        async Task<int> ProduceAsync()
        {
            try
            {
                return await ExecuteAsync(
                    operation, args, PipeSource.Null, PipeTarget.Create(reader.ReadAsync), error, cancellationToken, abandon.Token)
                    .ConfigureAwait(false);
            }
            finally
            {
                records.Writer.TryComplete();
            }
        }
    }

    /// <summary>The error for a run that ended with a non-zero exit code.</summary>
    public GitException Failure(string operation, GitOutput output) =>
        new(operation, Directory, output.StandardError, output.ExitCode);

    private static GitArguments Build(Action<GitArguments> arguments)
    {
        var args = new GitArguments();
        arguments(args);
        return args;
    }

    private static string Decode(GitArguments arguments, MemoryStream error) =>
        arguments.Redact(Encoding.UTF8.GetString(error.GetBuffer(), 0, (int)error.Length));

    private async Task<int> ExecuteAsync(
        string operation,
        GitArguments arguments,
        PipeSource input,
        PipeTarget output,
        Stream error,
        CancellationToken cancellationToken,
        CancellationToken abandon = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // CliWrap has no timeout of its own; as in its own Command.Execution, the forceful token kills git with its
        // children and also ends the reads of git's output (which a child left behind may hold open after git exited),
        // while the graceful token interrupts git so that it removes its lock files. The caller's cancellation
        // interrupts, then kills after the grace period; the timeout, and a reader that stops early, kill at once.
        using var timeout = new CancellationTokenSource(Options.Timeout, Options.TimeProvider);
        using var escalation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Options.TimeProvider);
        using var forceful = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, escalation.Token, abandon);
        using var escalate = cancellationToken.Register(() => escalation.CancelAfter(Options.CancellationGracePeriod));
        var command = Cli.Wrap(Options.GitPath)
            .WithWorkingDirectory(Directory)
            .WithArguments(s_globalOptions.Concat(arguments.Values))
            .WithEnvironmentVariables(Environment())
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(output)
            // Never CliWrap's default PipeTarget.Null: it closes the pipe unread, and git, still writing to it, dies of
            // SIGPIPE (exit code 141).
            .WithStandardErrorPipe(PipeTarget.ToStream(error));
        try
        {
            var result = await command.ExecuteAsync(forceful.Token, cancellationToken).ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (OperationCanceledException exception)
            when (exception.CancellationToken == forceful.Token || exception.CancellationToken == cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"git {operation} was canceled in '{Directory}'.", exception, cancellationToken);
            }

            if (timeout.IsCancellationRequested)
            {
                throw new GitException(
                    operation,
                    Directory,
                    $"git did not finish within its timeout of {DurationText.Format(Options.Timeout)} and was stopped.",
                    innerException: exception);
            }

            throw;
        }
        catch (Win32Exception exception)
        {
            throw System.IO.Directory.Exists(Directory)
                ? GitException.NotFound(operation, Directory, Options.GitPath, exception)
                : new GitException(operation, Directory, $"the folder '{Directory}' does not exist.", innerException: exception);
        }
    }

    /// <summary>
    /// The environment of every call: the identity and, from the injected clock, the dates git records, so that no git
    /// configuration is needed or changed; never a prompt, an editor or a pager; English messages. The options' own
    /// variables come last and win.
    /// </summary>
    private Dictionary<string, string?> Environment()
    {
        var date = string.Create(
            CultureInfo.InvariantCulture, $"@{Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds()} +0000");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = Options.Identity.Name,
            ["GIT_AUTHOR_EMAIL"] = Options.Identity.Email,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = Options.Identity.Name,
            ["GIT_COMMITTER_EMAIL"] = Options.Identity.Email,
            ["GIT_COMMITTER_DATE"] = date,
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GCM_INTERACTIVE"] = "never",
            ["GIT_EDITOR"] = ":",
            ["GIT_PAGER"] = "cat",
            ["LC_ALL"] = "C",
        };
        foreach (var (name, value) in Options.EnvironmentVariables)
        {
            variables[name] = value;
        }

        return variables;
    }
}
