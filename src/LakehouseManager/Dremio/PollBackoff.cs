namespace LakehouseManager.Dremio;

/// <summary>The delays between job status polls: doubling from a first delay up to a cap. Pure.</summary>
public static class PollBackoff
{
    /// <summary>The delay after <paramref name="current"/>: twice as long, at most <paramref name="max"/>.</summary>
    public static TimeSpan Next(TimeSpan current, TimeSpan max) =>
        current >= max / 2 ? max : current * 2;
}
