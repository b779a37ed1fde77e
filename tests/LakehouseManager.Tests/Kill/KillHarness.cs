using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.Kill;

/// <summary>Where and how a sync process is killed.</summary>
/// <param name="Name">For the report, e.g. "switch, mid-command, 20 ms".</param>
/// <param name="GitCommand">The git subcommand the kill waits for (<c>switch</c>, <c>add</c>, ...); null for a random time.</param>
/// <param name="Mode">What the git wrapper does at that command: <c>before</c> (the command never starts), <c>lock</c>
/// (it takes <c>index.lock</c> as git does and hangs), or <c>during</c> (the real git runs and is killed mid-way).</param>
/// <param name="Delay">How long after the command starts (or, for a random kill, after the process starts) the kill
/// comes.</param>
/// <param name="WholeGroup">Whether git dies with the sync (a CI timeout kills the process group) or only the sync
/// process does, leaving its git to finish as an orphan.</param>
public sealed record KillPoint(string Name, string? GitCommand, string Mode, TimeSpan Delay, bool WholeGroup = true)
{
    /// <summary>For a random kill: when it comes, as a share of an uninterrupted sync's run time.</summary>
    public double? Share { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// Runs the real build (<c>_build.dll Sync</c>) as a process in its own process group, with a <c>git</c> on its PATH
/// that stands in front of the real one: it counts the commands, and at the chosen one writes a marker (and, by mode,
/// takes the index lock and hangs, or hangs before running, or runs the real git). The harness then <c>kill -9</c>s the
/// group (or the sync alone). Linux only: process groups, <c>setsid</c>, <c>kill</c>.
/// </summary>
internal static class KillHarness
{
    private const string Wrapper =
        """
        #!/bin/sh
        # Finds git's subcommand after its global options (-c key=value, --literal-pathspecs, --no-optional-locks).
        sub=""; skip=0
        for a in "$@"; do
          if [ "$skip" = 1 ]; then skip=0; continue; fi
          case "$a" in
            -c) skip=1 ;;
            -*) ;;
            *) sub="$a"; break ;;
          esac
        done
        if [ -n "$LHM_KILL_AT" ] && [ "$sub" = "$LHM_KILL_AT" ]; then
          n=$(( $(cat "$LHM_KILL_DIR/count-$sub" 2>/dev/null || echo 0) + 1 ))
          echo "$n" > "$LHM_KILL_DIR/count-$sub"
          if [ "$n" = "1" ]; then
            case "$LHM_KILL_MODE" in
              before) : > "$LHM_KILL_DIR/marker"; exec sleep 3600 ;;
              lock) : > "$("$LHM_REAL_GIT" rev-parse --absolute-git-dir)/index.lock"; : > "$LHM_KILL_DIR/marker"; exec sleep 3600 ;;
              *) : > "$LHM_KILL_DIR/marker" ;;
            esac
          fi
        fi
        exec "$LHM_REAL_GIT" "$@"
        """;

    private static readonly Lazy<string> s_realGit = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(folder => Path.Combine(folder, "git"))
        .First(File.Exists));

    /// <summary>Runs a sync of the copy to its end (no kill).</summary>
    public static Task<BufferedCommandResult> RunSyncAsync(
        KillCopy copy, IReadOnlyDictionary<string, string?>? environment, CancellationToken cancellationToken) =>
        BuildProcess.RunAsync(copy.SyncArguments, environment, cancellationToken);

    /// <summary>Starts a sync of the copy and kills it at the point; returns whether the kill came before the sync ended.</summary>
    public static async Task<bool> RunAndKillAsync(KillCopy copy, KillPoint point, CancellationToken cancellationToken)
    {
        var control = Path.Combine(copy.Root, "kill");
        var bin = Path.Combine(control, "bin");
        Directory.CreateDirectory(bin);
        var git = Path.Combine(bin, "git");
        await File.WriteAllTextAsync(git, Wrapper.ReplaceLineEndings("\n") + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var marker = Path.Combine(control, "marker");
        await BuildProcess.EnsureBuiltAsync(cancellationToken);
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = BuildProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["dotnet", "exec", BuildProcess.BuildDll, .. copy.SyncArguments, "--no-logo", "--root", BuildProcess.RepositoryRoot])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["LHM_REAL_GIT"] = s_realGit.Value;
        start.Environment["LHM_KILL_DIR"] = control;
        start.Environment["LHM_KILL_AT"] = point.GitCommand ?? "";
        start.Environment["LHM_KILL_MODE"] = point.Mode;

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            if (point.GitCommand is not null)
            {
                // The harness polls for the wrapper's marker: it waits on the process, it does not time anything.
                while (!File.Exists(marker) && !exited.IsCompleted)
                {
                    await Task.Delay(2, cancellationToken);
                }
            }

            if (point.Delay > TimeSpan.Zero)
            {
                await Task.WhenAny(exited, Task.Delay(point.Delay, cancellationToken));
            }

            var killed = !exited.IsCompleted;
            await Kill(point.WholeGroup ? $"-{process.Id}" : $"{process.Id}", cancellationToken);
            await exited;
            return killed;
        }
        finally
        {
            if (!process.HasExited)
            {
                await Kill($"-{process.Id}", CancellationToken.None);
            }
        }
    }

    private static async Task Kill(string target, CancellationToken cancellationToken) =>
        await Cli.Wrap("kill").WithArguments(["-9", "--", target]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
}
