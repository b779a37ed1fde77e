using LakehouseManager.Processes;

namespace LakehouseManager.Mirror.Git;

public sealed partial class GitRepository
{
    /// <summary>Runs git and returns its result; a non-zero exit raises <see cref="GitException"/>.</summary>
    private async Task<BufferedCommandResult> RunAsync(
        string operation,
        Action<ArgumentsBuilder> arguments,
        CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var result = await TryRunAsync(operation, arguments, cancellationToken, standardInput).ConfigureAwait(false);
        EnsureSuccess(operation, result);
        return result;
    }

    /// <summary>Runs git and returns its result whatever the exit code (for commands whose exit code is an answer).</summary>
    private async Task<BufferedCommandResult> TryRunAsync(
        string operation,
        Action<ArgumentsBuilder> arguments,
        CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var command = Build(arguments);
        if (standardInput is not null)
        {
            command = command.WithStandardInput(standardInput);
        }

        try
        {
            return await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CommandException exception)
        {
            throw new GitException(operation, Directory, exception.Message, innerException: exception);
        }
    }

    /// <summary>Runs git and returns its standard output as raw bytes (blobs).</summary>
    private async Task<BinaryCommandResult> RunBinaryAsync(
        string operation,
        Action<ArgumentsBuilder> arguments,
        string standardInput,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await Build(arguments).WithStandardInput(standardInput)
                .ExecuteBinaryAsync(cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new GitException(operation, Directory, result.StandardError, result.ExitCode);
            }

            return result;
        }
        catch (CommandException exception)
        {
            throw new GitException(operation, Directory, exception.Message, innerException: exception);
        }
    }

    /// <summary>Streams git's standard output as records (NUL-separated for <c>-z</c> output).</summary>
    private async IAsyncEnumerable<string> StreamAsync(
        string operation,
        Action<ArgumentsBuilder> arguments,
        char separator,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = Build(arguments).WithValidation(CommandResultValidation.ZeroExitCode)
            .StreamRecordsAsync(separator, cancellationToken).ConfigureAwait(false);
        var enumerator = records.GetAsyncEnumerator();
        try
        {
            while (true)
            {
                string record;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        yield break;
                    }

                    record = enumerator.Current;
                }
                catch (CommandExecutionException exception)
                {
                    throw new GitException(operation, Directory, exception.StandardError, exception.ExitCode, exception);
                }
                catch (CommandException exception)
                {
                    throw new GitException(operation, Directory, exception.Message, innerException: exception);
                }

                yield return record;
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    private Command Build(Action<ArgumentsBuilder> arguments) =>
        _git.WithArguments(a =>
        {
            a.Add(s_globalOptions);
            arguments(a);
        });

    private void EnsureSuccess(string operation, BufferedCommandResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new GitException(operation, Directory, result.StandardError, result.ExitCode);
        }
    }

    /// <summary>Splits git's <c>-z</c> output into its NUL-terminated records.</summary>
    private static List<string> SplitNul(string output)
    {
        var records = output.Split('\0');
        // The output ends with a terminator, which leaves one empty string at the end.
        return records.Length > 0 && records[^1].Length == 0 ? [.. records[..^1]] : [.. records];
    }

    /// <summary>
    /// A folder inside the repository (relative to its root, <c>/</c>-separated) as the pathspecs that follow
    /// <c>--</c>: none for the whole repository (an empty folder).
    /// </summary>
    private static string[] Pathspec(string? folder)
    {
        var trimmed = folder?.Trim('/');
        return string.IsNullOrEmpty(trimmed) ? [] : [trimmed];
    }
}
