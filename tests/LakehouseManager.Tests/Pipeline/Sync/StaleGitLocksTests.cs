using CliWrap;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Pipeline.Testing;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// The lock files a killed git leaves are removed only when no git works in the checkout; a git that does is named by
/// its subcommand and process id, never by its arguments. A real <c>git cat-file --batch</c>, waiting on its input,
/// stands in for a git that another process started.
/// </summary>
public sealed class StaleGitLocksTests
{
    [Theory]
    [InlineData(new[] { "git", "-C", "/work/mirror", "-c", "gc.auto=0", "gc", "--auto" }, "git gc")]
    [InlineData(new[] { "git", "push", "https://user:s3cret@git.example.com/mirror.git", "main" }, "git push")]
    [InlineData(new[] { "git", "--no-pager", "--git-dir", "/x/.git", "log", "-1" }, "git log")]
    [InlineData(new[] { "git", "" }, "git")]
    [InlineData(new[] { "git" }, "git")]
    public void A_git_command_line_is_described_by_its_subcommand_only(string[] arguments, string expected)
    {
        Assert.Equal(expected, GitProcesses.Describe(arguments));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_live_git_is_waited_for_named_and_its_lock_kept_and_once_it_is_gone_the_lock_is_removed()
    {
        // Arrange: a git working in the checkout (as the orphan of a killed sync would be) and a lock file.
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var gitDirectory = Path.Combine(clone.Directory, ".git");
        var indexLock = Path.Combine(gitDirectory, "index.lock");
        await File.WriteAllTextAsync(indexLock, "");
        using var stopGit = new CancellationTokenSource();
        var git = Cli.Wrap("git").WithArguments(["cat-file", "--batch"]).WithWorkingDirectory(clone.Directory)
            .WithStandardInputPipe(PipeSource.Create(async (_, token) => await Task.Delay(Timeout.Infinite, token)))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(stopGit.Token);
        var running = await WaitForAsync(() => GitProcesses.RunningIn(clone.Directory, gitDirectory), p => p.Count > 0);
        var logger = new RecordingLogger();

        // Act
        var held = await Assert.ThrowsAsync<LakehouseException>(
            () => StaleGitLocks.ClearAsync(clone, gitDirectory, TimeSpan.Zero, TimeProvider.System, logger, CancellationToken.None));
        File.Delete(indexLock);
        await StaleGitLocks.ClearAsync(clone, gitDirectory, TimeSpan.Zero, TimeProvider.System, logger, CancellationToken.None);
        var unheld = logger.Text;
        await File.WriteAllTextAsync(indexLock, "");
        await stopGit.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await git);
        await WaitForAsync(() => GitProcesses.RunningIn(clone.Directory, gitDirectory), p => p.Count == 0);
        await StaleGitLocks.ClearAsync(clone, gitDirectory, TimeSpan.Zero, TimeProvider.System, logger, CancellationToken.None);

        // Assert
        var process = Assert.Single(running);
        Assert.Equal(new GitProcess(git.ProcessId, "git cat-file"), process);
        Assert.StartsWith($"git cat-file (process {git.ProcessId}) is working in {clone.Directory} and holds index.lock", held.Message, StringComparison.Ordinal);
        Assert.Contains($"git cat-file (process {git.ProcessId}) still works in {clone.Directory}", unheld, StringComparison.Ordinal);
        Assert.False(File.Exists(indexLock));
        Assert.Contains("Removed 1 lock file(s) that a killed git left", logger.Text, StringComparison.Ordinal);
    }

    /// <summary>Reads until the condition holds; the test's timeout bounds the wait.</summary>
    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> condition)
    {
        while (true)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
