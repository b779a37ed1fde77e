using System.Diagnostics;
using System.Globalization;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Which git processes are working in a repository right now, to tell a lock file that a live git holds from one a
/// killed git left behind. On Linux each process's name and working folder are read from <c>/proc</c>; elsewhere any
/// running git counts, so a lock is never taken for stale while git runs anywhere.
/// </summary>
internal static class GitProcesses
{
    /// <summary>The ids of the git processes whose working folder is inside <paramref name="folders"/>.</summary>
    public static IReadOnlyList<int> RunningIn(params string[] folders)
    {
        var roots = folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToList();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return [.. Process.GetProcessesByName("git").Select(p => p.Id)];
        }

        var running = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
                id == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var name = File.ReadAllText(Path.Combine(folder, "comm")).Trim();
                if (!name.StartsWith("git", StringComparison.Ordinal))
                {
                    continue;
                }

                var cwd = new DirectoryInfo(Path.Combine(folder, "cwd")).LinkTarget;
                if (cwd is not null && roots.Any(r => cwd == r || cwd.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                {
                    running.Add(id);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's: not ours to judge.
            }
        }

        return running;
    }
}
