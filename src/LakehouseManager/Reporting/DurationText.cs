using System.Globalization;

namespace LakehouseManager.Reporting;

/// <summary>Short, human durations for reports and messages: "350ms", "1.2s", "30s", "2m05s", "1h02m".</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Max(0, duration.TotalMilliseconds)}ms");
        }

        // Rounded, not cut: 5.595s reads 5.6s, like the JUnit time="5.595" next to it. One decimal, dropped when it
        // is zero: "30s" reads better than "30.0s" for a configured timeout.
        var tenths = Math.Round(duration.TotalSeconds * 10, MidpointRounding.AwayFromZero);
        if (tenths < 600)
        {
            return (tenths / 10).ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }

        var seconds = (long)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 3600)
        {
            return seconds % 60 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m")
                : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s");
        }

        var minutes = (long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m");
    }

    /// <summary>Seconds with three decimals, invariant culture: the JUnit <c>time</c> attribute.</summary>
    public static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
}
