using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LakehouseManager.Tests.Support;

/// <summary>
/// A fake clock that also tells the test each time the code under test starts to wait on it (a <c>Task.Delay</c> on
/// this clock: a retry's backoff, a poll interval, a server's stall), with how long. The test then moves the clock by
/// exactly that wait: no guessing how far to move it, no stepping it against real time while I/O runs. Timeouts (a
/// <see cref="CancellationTokenSource"/> on this clock) are not waits: they only fire when a test moves the clock past
/// them.
/// </summary>
internal sealed class WaitingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public WaitingClock(DateTimeOffset? start = null)
        : base(start ?? TestClock.Start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);

        // Announced once the timer exists, so that moving the clock right away fires it.
        if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait the code started, in the order they started; null once <paramref name="until"/> ended.</summary>
    public async Task<TimeSpan?> NextWaitAsync(Task until)
    {
        while (true)
        {
            if (_waits.Reader.TryRead(out var wait))
            {
                return wait;
            }

            if (until.IsCompleted)
            {
                return null;
            }

            await Task.WhenAny(_waits.Reader.WaitToReadAsync().AsTask(), until);
        }
    }

    /// <summary>
    /// Lets <paramref name="run"/> go to its end, moving the clock by exactly each wait it starts, and returns the waits.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> RunAsync(Task run)
    {
        var waits = new List<TimeSpan>();
        while (await NextWaitAsync(run) is { } wait)
        {
            waits.Add(wait);
            Advance(wait);
        }

        return waits;
    }

    /// <summary>Lets <paramref name="run"/> go to its end as <see cref="RunAsync(Task)"/> does, and returns its result.</summary>
    public async Task<T> ResultOfAsync<T>(Task<T> run)
    {
        await RunAsync(run);
        return await run;
    }
}
