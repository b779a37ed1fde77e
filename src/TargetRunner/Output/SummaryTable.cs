using System.Globalization;
using System.Text;
using TargetRunner.Definition;

namespace TargetRunner.Output;

/// <summary>
/// The end-of-run table in Nuke's shape: name column max(longest + 4, 19), status 10, duration right-aligned in 10,
/// then <c>   // key: value, ...</c> notes. Collective targets are omitted.
/// </summary>
internal static class SummaryTable
{
    public static string Render(IReadOnlyList<ExecutableTarget> plan, bool colors)
    {
        var rows = plan.Where(t => t.Status != ExecutionStatus.Collective).ToList();
        var nameWidth = Math.Max(rows.Count == 0 ? 0 : rows.Max(t => t.Name.Length) + 4, 19);
        var width = nameWidth + 20;
        var builder = new StringBuilder();
        builder.AppendLine(new string('═', width));
        builder.AppendLine($"{"Target".PadRight(nameWidth)}{"Status",-10}{"Duration",10}");
        builder.AppendLine(new string('─', width));
        foreach (var target in rows)
        {
            var duration = target.Status is ExecutionStatus.Skipped or ExecutionStatus.NotRun ? string.Empty : FormatDuration(target.Duration);
            var line = $"{target.Name.PadRight(nameWidth)}{target.Status,-10}{duration,10}".TrimEnd();
            var notes = Notes(target);
            if (notes.Length > 0)
            {
                line = $"{target.Name.PadRight(nameWidth)}{target.Status,-10}{duration,10}   // {notes}";
            }

            builder.AppendLine(Ansi.Paint(line, Colour(target.Status), colors));
        }

        var total = rows.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Duration);
        builder.AppendLine(new string('─', width));
        builder.AppendLine($"{"Total".PadRight(nameWidth)}{string.Empty,-10}{FormatDuration(total),10}");
        builder.AppendLine(new string('═', width));
        return builder.ToString();
    }

    /// <summary><c>m:ss</c>, with durations under a second shown as <c>&lt; 1sec</c>.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? "< 1sec"
            : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}:{duration.Seconds:00}");

    private static string Notes(ExecutableTarget target)
    {
        if (target.Status == ExecutionStatus.Failed && target.Failure is { } failure)
        {
            return Execution.FailureText.FirstLine(failure.Message);
        }

        if (target.Status == ExecutionStatus.Skipped && target.SkipReason is { } reason)
        {
            return reason;
        }

        return string.Join(", ", target.SummaryInformation.Select(p => $"{p.Key}: {p.Value}"));
    }

    private static string? Colour(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => Ansi.Green,
        ExecutionStatus.Failed => Ansi.Red,
        ExecutionStatus.Aborted or ExecutionStatus.NotRun => Ansi.Yellow,
        ExecutionStatus.Skipped => Ansi.Dim,
        _ => null,
    };
}
