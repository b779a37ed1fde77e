using LakehouseManager.Mirror.Git;
using LakehouseManager.Reporting;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Removes the lock files a killed git left in the checkout's git directory (<see cref="GitLockFiles"/>), so that a
/// sync killed mid-command recovers on its own. A lock is only taken for stale when no git process works in the
/// checkout: a git that outlived its killed parent is waited for (it finishes and removes its locks itself), and one
/// still running after the wait while it holds a lock (somebody's own git) stops the sync, with the lock left alone.
/// </summary>
internal static class StaleGitLocks
{
    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(100);

    public static async Task ClearAsync(
        GitRepository repository,
        string gitDirectory,
        TimeSpan wait,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        // Under the sync's lock, a git working in the checkout is not this run's: most likely the orphan of a killed
        // sync, still switching or pushing. It is let finish first, whether or not it holds a lock yet.
        var started = timeProvider.GetTimestamp();
        var waited = false;
        while (GitProcesses.RunningIn(repository.Directory, gitDirectory) is { Count: > 0 } running)
        {
            if (timeProvider.GetElapsedTime(started) >= wait)
            {
                var held = GitLockFiles.Find(gitDirectory);
                if (held.Count > 0)
                {
                    throw new LakehouseException(
                        $"{string.Join(", ", running)} is working in {repository.Directory} and holds " +
                        $"{Names(gitDirectory, held)}; it was still running after {DurationText.Format(wait)}. Nothing was " +
                        "changed: wait for it to finish (or stop it), then run again.");
                }

                logger.LogWarning(
                    "{Processes} still works in {Checkout} after {Wait}; it holds no lock, so the sync goes on",
                    string.Join(", ", running), repository.Directory, DurationText.Format(wait));
                return;
            }

            if (!waited)
            {
                logger.LogInformation(
                    "Waiting for {Processes} to finish in {Checkout}: a git this run did not start", string.Join(", ", running),
                    repository.Directory);
                waited = true;
            }

            await Task.Delay(s_pause, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var stale = GitLockFiles.Find(gitDirectory);
        foreach (var path in stale)
        {
            File.Delete(path);
        }

        if (stale.Count > 0)
        {
            logger.LogWarning(
                "Removed {Count} lock file(s) that a killed git left in {Checkout} (no git process works there): {Locks}",
                stale.Count, repository.Directory, Names(gitDirectory, stale));
        }
    }

    private static string Names(string gitDirectory, IEnumerable<string> locks) =>
        string.Join(", ", locks.Select(l => Path.GetRelativePath(gitDirectory, l).Replace('\\', '/')));
}
