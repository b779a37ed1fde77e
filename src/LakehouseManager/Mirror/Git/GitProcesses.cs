using System.Diagnostics;
using System.Globalization;

namespace LakehouseManager.Mirror.Git;

/// <summary>A git process: its id and what it is doing, as "git gc" (the subcommand only: never its arguments).</summary>
internal sealed record GitProcess(int Id, string Command)
{
    public override string ToString() => $"{Command} (process {Id})";
}

/// <summary>
/// Which git processes are working in a repository right now, to tell a lock file that a live git holds from one a
/// killed git left behind. On Linux each process's name, command line and working folder are read from <c>/proc</c>;
/// elsewhere any running git counts, so a lock is never taken for stale while git runs anywhere.
/// </summary>
internal static class GitProcesses
{
    /// <summary>The options of git itself that take the next argument as their value.</summary>
    private static readonly HashSet<string> s_optionsWithValue = ["-c", "-C", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"];

    /// <summary>The git processes whose working folder is inside <paramref name="folders"/>.</summary>
    public static IReadOnlyList<GitProcess> RunningIn(params string[] folders)
    {
        var roots = folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToList();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return [.. Process.GetProcessesByName("git").Select(p => new GitProcess(p.Id, "git"))];
        }

        var running = new List<GitProcess>();
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
                    var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                    running.Add(new GitProcess(id, name == "git" ? Describe(arguments) : name));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's: not ours to judge.
            }
        }

        return running;
    }

    /// <summary>
    /// "git" and its subcommand from a git command line (<c>git -C dir -c k=v gc --auto</c> is "git gc"): the first
    /// argument that is not one of git's own options. The rest is left out, as it may hold a URL with a password.
    /// </summary>
    internal static string Describe(IReadOnlyList<string> arguments)
    {
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (s_optionsWithValue.Contains(argument))
            {
                i++;
            }
            else if (argument.Length > 0 && !argument.StartsWith('-'))
            {
                return $"git {argument}";
            }
        }

        return "git";
    }
}
