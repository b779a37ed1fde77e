using LakehouseManager.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class PollBackoffTests
{
    [Fact]
    public void Poll_delays_double_from_100_ms_up_to_2_s()
    {
        var delays = new List<TimeSpan> { TimeSpan.FromMilliseconds(100) };
        for (var i = 0; i < 6; i++)
        {
            delays.Add(PollBackoff.Next(delays[^1], TimeSpan.FromSeconds(2)));
        }

        Assert.Equal([100, 200, 400, 800, 1600, 2000, 2000], delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void By_default_a_job_is_polled_every_50_ms_for_the_first_second_then_with_doubling_waits()
    {
        var polls = PollTimes(DremioQueryEngineOptions.Default, until: TimeSpan.FromSeconds(6.1));

        double[] expected = [.. Enumerable.Range(0, 21).Select(i => i * 50.0), 1100, 1300, 1700, 2500, 4100, 6100];
        Assert.Equal(expected, polls.Select(p => p.TotalMilliseconds));
    }

    [Fact]
    public void Without_a_fast_window_the_waits_double_from_the_first_one()
    {
        var options = DremioQueryEngineOptions.Default with { FirstPollDelay = TimeSpan.FromMilliseconds(100), FastPollWindow = TimeSpan.Zero };

        var polls = PollTimes(options, until: TimeSpan.FromSeconds(5.1));

        Assert.Equal([0, 100, 300, 700, 1500, 3100, 5100], polls.Select(p => p.TotalMilliseconds));
    }

    /// <summary>When the engine polls, if each poll took no time: the schedule alone.</summary>
    private static List<TimeSpan> PollTimes(DremioQueryEngineOptions options, TimeSpan until)
    {
        var polls = new List<TimeSpan> { TimeSpan.Zero };
        var delay = TimeSpan.Zero;
        while (polls[^1] < until)
        {
            delay = PollBackoff.After(polls[^1], delay, options.FirstPollDelay, options.FastPollWindow, options.MaxPollDelay);
            polls.Add(polls[^1] + delay);
        }

        return polls;
    }
}
