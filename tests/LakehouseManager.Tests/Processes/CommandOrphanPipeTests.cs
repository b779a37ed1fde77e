using LakehouseManager.Processes;
using Xunit;

namespace LakehouseManager.Tests.Processes;

/// <summary>A process that exits while a background child it left behind still holds its output pipes.</summary>
public sealed class CommandOrphanPipeTests
{
    // The shell exits at once; its background sleep keeps stdout and stderr open for 20 seconds.
    private static readonly Command s_exitsLeavingAChild = Cli.Wrap("sh").WithArguments(["-c", "sleep 20 & exit 0"]);

    [Fact(Timeout = 15_000)]
    public async Task The_timeout_still_ends_the_wait_for_output_held_open_by_a_background_child()
    {
        // Without the fix the run returns successfully after 20 s; the test's own timeout (15 s) catches a hang.
        await Assert.ThrowsAsync<CommandTimeoutException>(
            () => s_exitsLeavingAChild.WithTimeout(TimeSpan.FromSeconds(1)).ExecuteBufferedAsync());
    }

    [Fact(Timeout = 15_000)]
    public async Task Cancellation_still_ends_the_wait_for_output_held_open_by_a_background_child()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () =>
            {
                await foreach (var _ in s_exitsLeavingAChild.StreamRecordsAsync('\n', cancellation.Token))
                {
                }
            });
    }
}
