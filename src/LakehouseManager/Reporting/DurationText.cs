using System.Globalization;

namespace LakehouseManager.Reporting;

/// <summary>Short, human durations for reports and messages: "350ms", "1.2s", "30s", "2m05s", "1h02m".</summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMilliseconds}ms");
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            // One decimal, dropped when it is zero: "30s" reads better than "30.0s" for a configured timeout.
            var seconds = Math.Floor(duration.TotalSeconds * 10) / 10;
            return seconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return duration.Seconds == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m")
                : string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m{duration.Seconds:00}s");
        }

        var hours = (long)duration.TotalHours;
        return duration.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{hours}h{duration.Minutes:00}m");
    }

    /// <summary>Seconds with three decimals, invariant culture: the JUnit <c>time</c> attribute.</summary>
    public static string Seconds(TimeSpan duration) =>
        Math.Max(0, duration.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
}
