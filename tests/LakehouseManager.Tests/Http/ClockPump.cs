using LakehouseManager.Tests.Support;

namespace LakehouseManager.Tests.Http;

/// <summary>
/// Moves a <see cref="ManualTimeProvider"/> forward in small steps while a task runs, so that code waiting on timers
/// (backoff, polling, timeouts) makes progress without the test sleeping for real. The test's own timeout bounds it.
/// </summary>
internal static class ClockPump
{
    public static async Task<T> RunAsync<T>(ManualTimeProvider clock, Task<T> task, TimeSpan? step = null)
    {
        await RunAsync(clock, (Task)task, step);
        return await task;
    }

    public static async Task RunAsync(ManualTimeProvider clock, Task task, TimeSpan? step = null)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(20);
        while (!task.IsCompleted)
        {
            // Give the I/O in flight a moment of real time before the clock moves on.
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted)
            {
                clock.Advance(advance);
            }
        }

        await task;
    }
}
