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
}
