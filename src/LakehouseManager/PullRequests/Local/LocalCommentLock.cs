namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// An exclusive lock on a pull request's comment folder, so that two processes posting at once never pick the same
/// comment number. It is an open file with no sharing (an OS lock on every platform), so a process that dies releases
/// it, and the lock file itself may stay.
/// </summary>
internal sealed class LocalCommentLock : IDisposable
{
    public const string FileName = ".lock";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _stream;

    private LocalCommentLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock, waiting (with growing pauses, up to 30 s) while another process holds it.</summary>
    public static async Task<LocalCommentLock> AcquireAsync(
        string folder, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        var deadline = timeProvider.GetUtcNow() + s_timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new LocalCommentLock(
                    new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException exception) when (timeProvider.GetUtcNow() >= deadline)
            {
                throw new LakehouseException(
                    $"Could not lock the comment folder '{folder}' within {s_timeout.TotalSeconds:0} s: another process " +
                    $"keeps '{path}' open ({exception.Message}).",
                    isFatal: true,
                    exception);
            }
            catch (IOException)
            {
                // Held by another writer: wait a little and try again.
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxDelay.Ticks));
        }
    }

    public void Dispose() => _stream.Dispose();
}
