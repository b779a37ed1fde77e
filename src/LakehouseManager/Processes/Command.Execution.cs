using System.Runtime.CompilerServices;
using System.Text;

namespace LakehouseManager.Processes;

public sealed partial class Command
{
    private static readonly UTF8Encoding s_outputEncoding = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Runs the process to its end, reading standard output and error concurrently, both decoded as UTF-8.
    /// Cancellation kills the process tree and raises <see cref="OperationCanceledException"/>; the timeout kills it
    /// and raises <see cref="CommandTimeoutException"/>; a non-zero exit raises <see cref="CommandExecutionException"/>
    /// unless validation is off.
    /// </summary>
    public async Task<BufferedCommandResult> ExecuteBufferedAsync(CancellationToken cancellationToken = default)
    {
        var result = await ExecuteBinaryAsync(cancellationToken).ConfigureAwait(false);
        return new BufferedCommandResult(
            result.ExitCode,
            s_outputEncoding.GetString(result.StandardOutput.Span),
            result.StandardError,
            result.StartTime,
            result.ExitTime);
    }

    /// <summary>As <see cref="ExecuteBufferedAsync"/>, with standard output kept as raw bytes.</summary>
    public async Task<BinaryCommandResult> ExecuteBinaryAsync(CancellationToken cancellationToken = default)
    {
        var session = ProcessSession.Start(this, cancellationToken);
        await using (session.ConfigureAwait(false))
        {
            using var output = new MemoryStream();
            byte[] standardError;
            try
            {
                await session.StandardOutput.CopyToAsync(output, session.Aborted).ConfigureAwait(false);
                standardError = await session.StandardError.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (session.Aborted.IsCancellationRequested)
            {
                session.ThrowIfKilled();
                throw;
            }

            var (exitCode, exitTime) = await session.WaitForExitAsync().ConfigureAwait(false);
            var error = Redact(s_outputEncoding.GetString(standardError));
            Validate(exitCode, error);
            return new BinaryCommandResult(exitCode, output.ToArray(), error, session.StartTime, exitTime);
        }
    }

    /// <summary>
    /// Runs the process and yields its standard output as records split at <paramref name="separator"/> (for
    /// example NUL for git's <c>-z</c> output) while it is produced, so a long output is never held in memory.
    /// A final record without a separator is yielded too. Stopping the enumeration early kills the process and skips
    /// validation; enumerating to the end validates the exit code as <see cref="ExecuteBufferedAsync"/> does.
    /// </summary>
    public async IAsyncEnumerable<string> StreamRecordsAsync(
        char separator = '\n',
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var session = ProcessSession.Start(this, cancellationToken);
        await using (session.ConfigureAwait(false))
        {
            var decoder = s_outputEncoding.GetDecoder();
            var bytes = new byte[16 * 1024];
            var chars = new char[s_outputEncoding.GetMaxCharCount(bytes.Length)];
            var pending = new StringBuilder();
            while (true)
            {
                int read;
                try
                {
                    read = await session.StandardOutput.ReadAsync(bytes, session.Aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (session.Aborted.IsCancellationRequested)
                {
                    session.ThrowIfKilled();
                    throw;
                }

                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                var start = 0;
                for (var i = 0; i < count; i++)
                {
                    if (chars[i] == separator)
                    {
                        pending.Append(chars, start, i - start);
                        session.ThrowIfKilled();
                        yield return pending.ToString();
                        pending.Clear();
                        start = i + 1;
                    }
                }

                pending.Append(chars, start, count - start);
                if (read == 0)
                {
                    break;
                }
            }

            // End of output may mean the process was killed: never hand out a truncated last record.
            session.ThrowIfKilled();
            if (pending.Length > 0)
            {
                yield return pending.ToString();
            }

            var standardError = await session.StandardError.ConfigureAwait(false);
            var (exitCode, _) = await session.WaitForExitAsync().ConfigureAwait(false);
            Validate(exitCode, Redact(s_outputEncoding.GetString(standardError)));
        }
    }

    private void Validate(int exitCode, string standardError)
    {
        if (Validation == CommandResultValidation.ZeroExitCode && exitCode != 0)
        {
            throw new CommandExecutionException(ToString(), exitCode, standardError);
        }
    }
}
