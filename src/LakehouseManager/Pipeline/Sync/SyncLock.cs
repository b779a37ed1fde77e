namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Serialises syncs of one checkout: two syncs of the same branch at once must end as one would. The lock is an
/// exclusively opened file in the git directory; the operating system releases it if the process dies.
/// </summary>
internal sealed class SyncLock : IAsyncDisposable
{
    private readonly FileStream _stream;

    private SyncLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<SyncLock> AcquireAsync(
        string gitDirectory, TimeSpan timeout, TimeProvider timeProvider, Action onWait, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(gitDirectory, "lakehouse-manager");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sync.lock");
        var started = timeProvider.GetTimestamp();
        var waited = false;
        while (true)
        {
            try
            {
                return new SyncLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                if (!waited)
                {
                    onWait();
                    waited = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new LakehouseException(
                    $"Another sync of this checkout has held its lock ({path}) for more than {timeout.TotalMinutes:0} " +
                    "minutes; wait for it to finish or stop it, then run again.", innerException: exception);
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
