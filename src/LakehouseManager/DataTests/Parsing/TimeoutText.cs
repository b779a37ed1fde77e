using System.Globalization;
using System.Text.RegularExpressions;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>Timeouts as written in YAML: a number and a unit, or several ("500ms", "30s", "5m", "1h", "1m30s").</summary>
internal static partial class TimeoutText
{
    public const string Valid = "a number and a unit (ms, s, m, h), e.g. 30s, 5m, 1m30s";

    /// <summary>The longest timeout accepted: past a day a query is not a test.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    public static bool TryParse(string text, out TimeSpan timeout)
    {
        timeout = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var seconds = 0.0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitAt = part.Value.IndexOfAny(['m', 's', 'h']);
            var amount = double.Parse(part.Value[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture);
            seconds += amount * part.Value[unitAt..] switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                _ => 3600,
            };
        }

        // Capped just past the maximum so that absurd values are reported as too long, never overflow.
        timeout = TimeSpan.FromSeconds(Math.Min(seconds, Max.TotalSeconds + 1));
        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
