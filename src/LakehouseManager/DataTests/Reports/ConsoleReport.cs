using System.Text;
using LakehouseManager.Naming;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests.Reports;

/// <summary>
/// The console report: a table of every test in file order (status, test, duration, result), the details of each
/// failure (SQL and first rows), and a summary line. Plain text, no colours, lines end with "\n".
/// </summary>
internal static class ConsoleReport
{
    private const int MaxMessageWidth = 100;

    public static string Render(DataTestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var builder = new StringBuilder()
            .Append("Data tests on ").Append(run.Branch)
            .Append(run.CatalogCommit is { } commit ? $" at catalog commit {HashText.Short(commit)}" : "")
            .Append(" · ").Append(run.Engine).Append(" · ")
            .Append(run.Source).Append("\n\n");

        var table = new TextTable(
            new TextColumn("Status", MaxWidth: 6),
            new TextColumn("Test", MaxWidth: 40),
            new TextColumn("Duration", TextAlignment.Right, 10),
            new TextColumn("Result", MaxWidth: MaxMessageWidth));
        foreach (var result in run.Results)
        {
            table = table.WithRow(
                ResultDisplay.Word(ResultDisplay.KindOf(result)),
                result.Name,
                result.Status == DataTestStatus.Skipped ? string.Empty : DurationText.Format(result.Duration),
                result.Message);
        }

        builder.Append(table.Render());

        foreach (var result in run.Results.Where(r => r.IsProblem))
        {
            builder.Append('\n')
                .Append(ResultDisplay.Word(ResultDisplay.KindOf(result))).Append(' ').Append(result.Name).Append('\n')
                .Append(PlainTextDetails.Render(result, indent: "  "));
        }

        var counts = ResultDisplay.Counts(run);
        builder.Append('\n')
            .Append(ResultDisplay.Title(run)).Append(": ")
            .Append(counts.Count == 0 ? "no tests" : string.Join(", ", counts.Select(c => c.Text)))
            .Append(" in ").Append(DurationText.Format(run.Duration)).Append('\n');
        return builder.ToString();
    }
}
