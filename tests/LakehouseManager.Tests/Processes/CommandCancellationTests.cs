using System.Globalization;
using LakehouseManager.Processes;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Processes;

public sealed class CommandCancellationTests
{
    // The shell prints the pid of its background sleep, so the test can check that the whole tree died.
    private static readonly Command s_shellWithChild =
        Cli.Wrap("sh").WithArguments(["-c", "sleep 30 & echo $!; wait"]);

    [Fact(Timeout = 10_000)]
    public async Task Canceling_kills_the_whole_process_tree_and_raises_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        var pids = new List<int>();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in s_shellWithChild.StreamRecordsAsync('\n', cancellation.Token))
            {
                pids.Add(int.Parse(record, CultureInfo.InvariantCulture));
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(await ProcessTestSupport.WaitUntilDeadAsync(Assert.Single(pids)));
    }

    [Fact(Timeout = 10_000)]
    public async Task Canceling_a_buffered_run_kills_the_process()
    {
        using var cancellation = new CancellationTokenSource();
        var run = Cli.Wrap("sleep").WithArguments(["30"]).ExecuteBufferedAsync(cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_already_canceled_token_does_not_start_the_process()
    {
        using var directory = new TempDirectory();
        var marker = directory.Combine("started");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Cli.Wrap("touch").WithArguments([marker]).ExecuteBufferedAsync(new CancellationToken(canceled: true)));

        Assert.False(File.Exists(marker));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_timeout_on_the_command_clock_kills_the_process_tree_and_raises_a_timeout_exception()
    {
        var clock = new ManualTimeProvider();
        var command = s_shellWithChild.WithTimeProvider(clock).WithTimeout(TimeSpan.FromMinutes(5));
        var pids = new List<int>();

        var exception = await Assert.ThrowsAsync<CommandTimeoutException>(async () =>
        {
            await foreach (var record in command.StreamRecordsAsync())
            {
                pids.Add(int.Parse(record, CultureInfo.InvariantCulture));
                Assert.Equal(1, clock.PendingTimers);
                clock.Advance(TimeSpan.FromMinutes(5));
            }
        });

        Assert.Equal(TimeSpan.FromMinutes(5), exception.Timeout);
        Assert.Contains("sleep 30", exception.Message, StringComparison.Ordinal);
        Assert.True(await ProcessTestSupport.WaitUntilDeadAsync(Assert.Single(pids)));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_timeout_on_the_system_clock_ends_a_buffered_run()
    {
        var command = Cli.Wrap("sleep").WithArguments(["30"]).WithTimeout(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAsync<CommandTimeoutException>(() => command.ExecuteBufferedAsync());

        Assert.Equal("sleep 30", exception.CommandLine);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_process_that_ends_before_its_timeout_is_not_affected()
    {
        var clock = new ManualTimeProvider();

        var result = await Cli.Wrap("echo").WithArguments(["done"]).WithTimeProvider(clock)
            .WithTimeout(TimeSpan.FromSeconds(1)).ExecuteBufferedAsync();

        Assert.Equal("done\n", result.StandardOutput);
        Assert.Equal(0, clock.PendingTimers);
    }
}
