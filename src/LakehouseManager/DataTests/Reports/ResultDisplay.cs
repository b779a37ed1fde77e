using System.Globalization;

namespace LakehouseManager.DataTests.Reports;

/// <summary>How the reports name, order and count results, so the three of them agree.</summary>
internal static class ResultDisplay
{
    public enum Kind
    {
        Failed,
        Error,
        Warning,
        Passed,
        Skipped,
    }

    public static Kind KindOf(DataTestResult result) => result switch
    {
        { IsWarning: true } => Kind.Warning,
        { Status: DataTestStatus.Failed } => Kind.Failed,
        { Status: DataTestStatus.Error } => Kind.Error,
        { Status: DataTestStatus.Passed } => Kind.Passed,
        _ => Kind.Skipped,
    };

    public static string Emoji(Kind kind) => kind switch
    {
        Kind.Failed => "❌",
        Kind.Error => "💥",
        Kind.Warning => "⚠️",
        Kind.Passed => "✅",
        _ => "⏭️",
    };

    /// <summary>The console's status column: short, upper-case, greppable.</summary>
    public static string Word(Kind kind) => kind switch
    {
        Kind.Failed => "FAIL",
        Kind.Error => "ERROR",
        Kind.Warning => "WARN",
        Kind.Passed => "PASS",
        _ => "SKIP",
    };

    /// <summary>Problems first (what a reviewer must read), then passes; file order within each kind.</summary>
    public static IEnumerable<DataTestResult> ProblemsFirst(IEnumerable<DataTestResult> results) =>
        results.OrderBy(KindOf);

    /// <summary>The non-zero counts, most serious first: (count, "failed"), (count, "error"), ...</summary>
    public static IReadOnlyList<(Kind Kind, string Text)> Counts(DataTestRun run)
    {
        var counts = new List<(Kind, string)>();
        Add(counts, Kind.Failed, run.Failed, "failed", "failed");
        Add(counts, Kind.Error, run.Errors, "error", "errors");
        Add(counts, Kind.Warning, run.Warnings, "warning", "warnings");
        Add(counts, Kind.Passed, run.Passed, "passed", "passed");
        Add(counts, Kind.Skipped, run.Skipped, "skipped", "skipped");
        return counts;
    }

    /// <summary>The run's verdict as a title: "Data tests failed", "No data tests ran", ...</summary>
    public static string Title(DataTestRun run) =>
        run.IsFailed ? "Data tests failed"
        : run.Warnings > 0 ? "Data tests passed with warnings"
        : run.Passed == 0 ? "No data tests ran"
        : "Data tests passed";

    private static void Add(List<(Kind, string)> counts, Kind kind, int count, string one, string many)
    {
        if (count > 0)
        {
            counts.Add((kind, string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}")));
        }
    }
}
