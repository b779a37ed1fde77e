using System.Globalization;
using System.Text;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.Naming;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests.Reports;

/// <summary>
/// The pull-request comment: a title with the verdict, a summary line with the counts, a table of the tests that ran
/// (problems first), and a collapsible section per problem with its SQL and first failing rows.
/// </summary>
/// <remarks>
/// The comment must fit the host's size limit. When it does not, whole sections go, least useful first: the details
/// of the last problems, then the last table rows (passed tests come last), and a note says what was left out and
/// where the full report is. Skipped tests are only counted in the summary, so a selection of one test among two
/// hundred does not fill the comment with "not selected".
/// </remarks>
internal static class MarkdownReport
{
    private const int MaxMessage = 200;
    private const int MaxSummaryMessage = 120;
    private const int MaxCell = 80;
    private const int MaxSql = 3_000;
    private const int MaxErrorText = 2_000;
    private const string TableHead = "| Status | Test | Duration | Result |\n| :-- | :-- | --: | :-- |\n";

    public static string Render(DataTestRun run, MarkdownReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= new MarkdownReportOptions();
        var shown = ResultDisplay.ProblemsFirst(run.Results.Where(r => r.Status != DataTestStatus.Skipped)).ToList();
        var rows = shown.Select(Row).ToList();
        var details = shown.Where(r => r.IsProblem).Select(r => Details(r, options.MaxFailingRows)).ToList();
        return Fit(Header(run), rows, details, options);
    }

    private static string Header(DataTestRun run)
    {
        var emoji = run.IsFailed ? "❌" : run.Warnings > 0 ? "⚠️" : run.Passed == 0 ? "⏭️" : "✅";
        var counts = ResultDisplay.Counts(run);
        var summary = counts.Count == 0
            ? "no tests"
            : string.Join(" · ", counts.Select(c => $"{ResultDisplay.Emoji(c.Kind)} {c.Text}"));
        var at = run.CatalogCommit is { } commit ? $" at catalog commit {MarkdownText.Code(HashText.Short(commit))}" : "";
        return $"### {emoji} {ResultDisplay.Title(run)} on {MarkdownText.Code(run.Branch)}{at}\n\n" +
               $"**{summary}** in {DurationText.Format(run.Duration)} · engine: {MarkdownText.Escape(run.Engine)} · " +
               $"file: {MarkdownText.Code(run.Source)}\n";
    }

    private static string Row(DataTestResult result)
    {
        var kind = ResultDisplay.KindOf(result);
        var status = $"{ResultDisplay.Emoji(kind)} {kind.ToString().ToLowerInvariant()}";
        return $"| {status} | {MarkdownText.Code(result.Name, inTable: true)} | {DurationText.Format(result.Duration)} | " +
               $"{MarkdownText.Escape(TextCut.ToLength(result.Message, MaxMessage))} |\n";
    }

    private static string Details(DataTestResult result, int maxRows)
    {
        var kind = ResultDisplay.KindOf(result);
        var builder = new StringBuilder()
            .Append("<details>\n<summary>").Append(ResultDisplay.Emoji(kind)).Append(" <code>")
            .Append(MarkdownText.Html(result.Name)).Append("</code>: ")
            .Append(MarkdownText.Html(TextCut.ToLength(result.Message, MaxSummaryMessage)))
            .Append("</summary>\n\n");

        if (result.Description is { } description)
        {
            builder.Append('_').Append(MarkdownText.Escape(description)).Append("_\n\n");
        }

        if (result.Status == DataTestStatus.Error)
        {
            // An engine's message can be long and hold SQL or stack-like text: a code block shows it as it is.
            builder.Append(MarkdownText.CodeBlock(TextCut.ToLength(result.Message, MaxErrorText), "text")).Append('\n');
        }
        else if (result.Expected is not null || result.Observed is not null)
        {
            builder.Append("**Expected:** ").Append(MarkdownText.Code(result.Expected ?? "?"))
                .Append(" · **Observed:** ").Append(MarkdownText.Code(result.Observed ?? "?")).Append("\n\n");
        }

        builder.Append(MarkdownText.CodeBlock(TextCut.ToLength(result.Sql, MaxSql), "sql")).Append('\n');

        if (result.Rows is { Columns.Count: > 0 } sample && maxRows > 0)
        {
            AppendSample(builder, sample, maxRows);
        }

        return builder.Append("</details>\n").ToString();
    }

    private static void AppendSample(StringBuilder builder, RowSample sample, int maxRows)
    {
        builder.Append("| ").AppendJoin(" | ", sample.Columns.Select(c => MarkdownText.Escape(TextCut.ToLength(c, MaxCell))))
            .Append(" |\n|").Append(string.Concat(Enumerable.Repeat(" --- |", sample.Columns.Count))).Append('\n');
        foreach (var row in sample.Rows.Take(maxRows))
        {
            var cells = Enumerable.Range(0, sample.Columns.Count)
                .Select(i => MarkdownText.Escape(TextCut.ToLength(ValueText.Cell(i < row.Count ? row[i] : null), MaxCell)));
            builder.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }

        var caption = sample.Rows.Count > maxRows
            ? $"Showing {maxRows} of the rows. {sample.Caption}"
            : sample.Caption;
        builder.Append('\n').Append(MarkdownText.Escape(caption)).Append("\n\n");
    }

    /// <summary>Drops the last details, then the last table rows, until the comment fits.</summary>
    private static string Fit(string header, List<string> rows, List<string> details, MarkdownReportOptions options)
    {
        int keptRows = rows.Count, keptDetails = details.Count;
        var rowLengths = rows.Select(r => r.Length).ToArray();
        var detailLengths = details.Select(d => d.Length).ToArray();
        int rowsLength = rowLengths.Sum(), detailsLength = detailLengths.Sum();

        int Length() => header.Length + 1 + (keptRows == 0 ? NoRows(rows.Count).Length : TableHead.Length + rowsLength) +
                        detailsLength + keptDetails + Note(rows.Count - keptRows, details.Count - keptDetails, options).Length;

        while (Length() > options.MaxLength && keptDetails > 0)
        {
            keptDetails--;
            detailsLength -= detailLengths[keptDetails];
        }

        while (Length() > options.MaxLength && keptRows > 0)
        {
            keptRows--;
            rowsLength -= rowLengths[keptRows];
        }

        var builder = new StringBuilder(header).Append('\n');
        if (keptRows == 0)
        {
            builder.Append(NoRows(rows.Count));
        }
        else
        {
            builder.Append(TableHead).AppendJoin(string.Empty, rows.Take(keptRows));
        }

        foreach (var detail in details.Take(keptDetails))
        {
            builder.Append('\n').Append(detail);
        }

        builder.Append(Note(rows.Count - keptRows, details.Count - keptDetails, options));
        var text = builder.ToString();

        // Only reachable with a header longer than the limit (an absurd branch or engine name): cut, never exceed.
        return text.Length <= options.MaxLength ? text : TextCut.ToLength(text, options.MaxLength);
    }

    private static string NoRows(int rowCount) => rowCount == 0 ? "No test ran.\n" : string.Empty;

    private static string Note(int cutRows, int cutDetails, MarkdownReportOptions options)
    {
        if (cutRows == 0 && cutDetails == 0)
        {
            return string.Empty;
        }

        var what = new List<string>();
        if (cutDetails > 0)
        {
            what.Add(string.Create(CultureInfo.InvariantCulture, $"the details of {cutDetails} {(cutDetails == 1 ? "test" : "tests")}"));
        }

        if (cutRows > 0)
        {
            what.Add(string.Create(CultureInfo.InvariantCulture, $"{cutRows} table {(cutRows == 1 ? "row" : "rows")}"));
        }

        var limit = options.MaxLength.ToString("N0", CultureInfo.InvariantCulture);
        var where = options.FullReportHint is { } hint ? $" Full report: {MarkdownText.Code(hint)}." : string.Empty;
        return $"\n> ✂️ Shortened to fit the {limit}-character limit: left out {string.Join(" and ", what)}.{where}\n";
    }
}
