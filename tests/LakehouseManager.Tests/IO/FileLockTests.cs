using LakehouseManager.IO;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.IO;

/// <summary>The one file lock, on a fake clock that the test moves by exactly each pause the waiting holder takes.</summary>
public sealed class FileLockTests
{
    private const string Holder = "another sync of this checkout";

    [Fact(Timeout = 10_000)]
    public async Task A_second_taker_waits_with_doubling_pauses_and_gets_the_lock_once_the_first_lets_go()
    {
        using var temp = new TempDirectory();
        var clock = new WaitingClock();
        var path = temp.Combine("locks", "sync.lock");
        var waited = 0;
        var first = await FileLock.AcquireAsync(path, Holder, TimeSpan.FromMinutes(1), clock);

        var second = FileLock.AcquireAsync(path, Holder, TimeSpan.FromMinutes(1), clock, () => waited++);
        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            pauses.Add((await clock.NextWaitAsync(second))!.Value);
            if (i < 3)
            {
                clock.Advance(pauses[^1]);
            }
        }

        await first.DisposeAsync();
        clock.Advance(pauses[^1]);
        await using var taken = await second;

        Assert.Equal([Ms(5), Ms(10), Ms(20), Ms(40)], pauses);
        Assert.Equal(1, waited);
        Assert.Equal(path, taken.Path);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_lock_held_past_the_timeout_fails_naming_the_file_and_who_holds_it()
    {
        using var temp = new TempDirectory();
        var clock = new WaitingClock();
        var path = temp.Combine("sync.lock");
        await using var first = await FileLock.AcquireAsync(path, Holder, TimeSpan.FromSeconds(1), clock);

        var second = FileLock.AcquireAsync(path, Holder, TimeSpan.FromSeconds(1), clock);
        var pauses = await clock.RunAsync(second);
        var exception = await Assert.ThrowsAsync<LakehouseException>(() => second);

        // Doubling from 5 ms, at most 200 ms, until a second has passed.
        Assert.Equal([Ms(5), Ms(10), Ms(20), Ms(40), Ms(80), Ms(160), Ms(200), Ms(200), Ms(200), Ms(200)], pauses);
        Assert.Equal(
            $"Could not take the lock '{path}' within 1s: another sync of this checkout still holds it. Wait for it to " +
            "finish or stop it, then run again.",
            exception.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_released_lock_is_taken_again_at_once()
    {
        using var temp = new TempDirectory();
        var clock = new WaitingClock();
        var path = temp.Combine("sync.lock");

        (await FileLock.AcquireAsync(path, Holder, TimeSpan.FromSeconds(1), clock)).Dispose();
        var run = FileLock.AcquireAsync(path, Holder, TimeSpan.FromSeconds(1), clock);
        var waits = await clock.RunAsync(run);
        await using var again = await run;

        Assert.Empty(waits);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
