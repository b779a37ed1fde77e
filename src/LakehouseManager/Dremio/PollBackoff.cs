namespace LakehouseManager.Dremio;

/// <summary>
/// The delays between job status polls: every <c>first</c> delay during a fast window after the submission, then
/// doubling up to a cap. Pure.
/// </summary>
internal static class PollBackoff
{
    /// <summary>The delay after <paramref name="current"/>: twice as long, at most <paramref name="max"/>.</summary>
    public static TimeSpan Next(TimeSpan current, TimeSpan max) =>
        current >= max / 2 ? max : current * 2;

    /// <summary>
    /// The wait before the next poll: <paramref name="first"/> while <paramref name="elapsed"/> (since the submission) is
    /// within <paramref name="fastWindow"/> or no wait came before; after that, twice <paramref name="previous"/>, at
    /// most <paramref name="max"/>.
    /// </summary>
    public static TimeSpan After(TimeSpan elapsed, TimeSpan previous, TimeSpan first, TimeSpan fastWindow, TimeSpan max)
    {
        var start = first < max ? first : max;
        return elapsed < fastWindow || previous < start ? start : Next(previous, max);
    }
}
