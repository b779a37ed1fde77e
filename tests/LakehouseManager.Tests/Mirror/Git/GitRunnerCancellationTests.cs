using System.Globalization;
using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>
/// Timeouts and cancellation of real git (and of what git starts), on a fake clock: the clock moves only when a test
/// moves it, so every delay is exact and nothing here waits for time to pass.
/// </summary>
public sealed class GitRunnerCancellationTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 20_000)]
    public async Task Git_is_stopped_exactly_at_its_timeout_on_the_injected_clock()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);

        var run = runner.RunAsync("wait", GitScripts.Alias("sleep 30"), CancellationToken.None);
        sandbox.Clock.Advance(s_timeout - TimeSpan.FromTicks(1));
        var runningJustBefore = !run.IsCompleted;
        sandbox.Clock.Advance(TimeSpan.FromTicks(1));
        var exception = await Assert.ThrowsAsync<GitException>(() => run);

        Assert.True(runningJustBefore);
        Assert.Equal(
            $"git wait failed in '{sandbox.Root}': git did not finish within its timeout of 5m and was stopped.",
            exception.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_timeout_kills_git_with_the_processes_it_started()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);
        var pids = new List<int>();

        await Assert.ThrowsAsync<GitException>(async () =>
        {
            await foreach (var record in runner.StreamAsync(
                "wait", GitScripts.Alias("sleep 30 & echo $!; wait"), '\n', CancellationToken.None))
            {
                pids.Add(int.Parse(record, CultureInfo.InvariantCulture));
                sandbox.Clock.Advance(s_timeout);
            }
        });

        Assert.True(await ProcessProbe.WaitUntilGoneAsync(Assert.Single(pids)));
    }

    [Fact(Timeout = 20_000)]
    public async Task The_timeout_ends_the_wait_for_output_that_a_process_left_behind_by_git_holds_open()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);
        var orphans = new List<int>();

        try
        {
            var exception = await Assert.ThrowsAsync<GitException>(() => ReadOutputHeldByOrphanAsync(
                runner, orphans, () => sandbox.Clock.Advance(s_timeout), CancellationToken.None));

            Assert.Contains("did not finish within its timeout", exception.Message, StringComparison.Ordinal);
            Assert.False(ProcessProbe.IsGone(Assert.Single(orphans)));
        }
        finally
        {
            orphans.ForEach(ProcessProbe.Kill);
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task Cancellation_interrupts_git_first_so_that_it_can_clean_up()
    {
        using var sandbox = new GitSandbox();
        // The handler is Python's: a shell cannot trap an interrupt that its parent (a CI job started in the
        // background) made it ignore on entry, whereas Python installs its handler whatever it inherited.
        var fakeGit = GitScripts.FakeGit(
            sandbox,
            "exec python3 -c '\n" +
            "import signal, subprocess, sys\n" +
            "child = subprocess.Popen([\"sleep\", \"30\"])\n" +
            "def interrupted(*_):\n" +
            "    child.kill()\n" +
            "    sys.exit(130)\n" +
            "signal.signal(signal.SIGINT, interrupted)\n" +
            "print(\"started\", flush=True)\n" +
            "child.wait()\n" +
            "'");
        var runner = new GitRunner(sandbox.Root, sandbox.Options with { GitPath = fakeGit, CancellationGracePeriod = s_grace });
        using var cancellation = new CancellationTokenSource();

        // The clock never moves: only the interrupt itself can end this run.
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in runner.StreamAsync("interrupt", a => a.Add("status"), '\n', cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact(Timeout = 20_000)]
    public async Task Cancellation_kills_git_with_its_children_after_the_grace_period()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);
        using var cancellation = new CancellationTokenSource();
        await using var records = runner.StreamAsync(
            "wait", GitScripts.Alias("trap '' INT; sleep 30 & echo $!; wait"), '\n', cancellation.Token).GetAsyncEnumerator();
        Assert.True(await records.MoveNextAsync());
        var sleep = int.Parse(records.Current, CultureInfo.InvariantCulture);

        // git passes the interrupt on to the alias and waits for it; the alias ignores it, so only the kill ends them.
        await cancellation.CancelAsync();
        var next = records.MoveNextAsync().AsTask();
        sandbox.Clock.Advance(s_grace);
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(sleep));
    }

    [Fact(Timeout = 20_000)]
    public async Task Cancellation_ends_the_wait_for_output_that_a_process_left_behind_by_git_holds_open()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);
        using var cancellation = new CancellationTokenSource();
        var orphans = new List<int>();

        try
        {
            var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadOutputHeldByOrphanAsync(
                runner,
                orphans,
                () =>
                {
                    cancellation.Cancel();
                    sandbox.Clock.Advance(s_grace);
                },
                cancellation.Token));

            Assert.Equal(cancellation.Token, exception.CancellationToken);
            Assert.False(ProcessProbe.IsGone(Assert.Single(orphans)));
        }
        finally
        {
            orphans.ForEach(ProcessProbe.Kill);
        }
    }

    [Fact(Timeout = 20_000)]
    public async Task An_already_canceled_token_does_not_start_git()
    {
        using var sandbox = new GitSandbox();
        var runner = Runner(sandbox);
        var marker = sandbox.Combine("started");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => runner.RunAsync("touch", GitScripts.Alias($"touch '{marker}'"), new CancellationToken(canceled: true)));

        Assert.False(File.Exists(marker));
    }

    private static GitRunner Runner(GitSandbox sandbox) =>
        new(sandbox.Root, sandbox.Options with { Timeout = s_timeout, CancellationGracePeriod = s_grace });

    /// <summary>
    /// Reads the output of a git that exits at once, leaving behind a sleep that inherited its output pipes and keeps
    /// them open for 30 s; once git is gone, <paramref name="stop"/> must end the wait.
    /// </summary>
    private static async Task ReadOutputHeldByOrphanAsync(
        GitRunner runner, List<int> orphans, Action stop, CancellationToken cancellationToken)
    {
        await foreach (var record in runner.StreamAsync(
            "orphan", GitScripts.Alias("sleep 30 & echo $! $PPID"), '\n', cancellationToken))
        {
            var (orphan, git) = Pids(record);
            orphans.Add(orphan);
            Assert.True(await ProcessProbe.WaitUntilGoneAsync(git));
            stop();
        }
    }

    private static (int First, int Second) Pids(string record)
    {
        var fields = record.Split(' ');
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
