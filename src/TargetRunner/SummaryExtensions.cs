namespace TargetRunner;

/// <summary>Nuke's <c>AddPair</c>, for <c>ReportSummary(_ =&gt; _.AddPair("Passed", "12"))</c>.</summary>
public static class SummaryExtensions
{
    public static IDictionary<string, string> AddPair(this IDictionary<string, string> summary, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary[key] = value;
        return summary;
    }
}
