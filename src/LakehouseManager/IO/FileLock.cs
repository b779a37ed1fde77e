using LakehouseManager.Reporting;

namespace LakehouseManager.IO;

/// <summary>
/// An exclusive lock between processes (and between threads of one): a file opened with no sharing, which is an OS
/// lock on every platform, so a process that dies releases it. The lock file itself may stay behind; it holds nothing.
/// </summary>
internal sealed class FileLock : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan s_firstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_longestPause = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _stream;

    private FileLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path => _stream.Name;

    /// <summary>
    /// Takes the lock, creating the file and its folder. While another holder has it, waits with growing pauses on
    /// <paramref name="timeProvider"/>'s clock (calling <paramref name="onWait"/> once, so the caller can say why it
    /// waits) up to <paramref name="timeout"/>; then fails with a message naming the file and <paramref name="holder"/>:
    /// who else takes this lock (e.g. "another sync of this checkout").
    /// </summary>
    public static async Task<FileLock> AcquireAsync(
        string path,
        string holder,
        TimeSpan timeout,
        TimeProvider timeProvider,
        Action? onWait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        var started = timeProvider.GetTimestamp();
        var pause = s_firstPause;
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileLock(
                    new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException exception) when (timeProvider.GetElapsedTime(started) >= timeout)
            {
                throw new LakehouseException(
                    $"Could not take the lock '{fullPath}' within {DurationText.Format(timeout)}: {holder} still holds it. Wait for " +
                    "it to finish or stop it, then run again.",
                    isFatal: true,
                    exception);
            }
            catch (IOException)
            {
                if (!waited)
                {
                    onWait?.Invoke();
                    waited = true;
                }
            }

            await Task.Delay(pause, timeProvider, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, s_longestPause.Ticks));
        }
    }

    public void Dispose() => _stream.Dispose();

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
