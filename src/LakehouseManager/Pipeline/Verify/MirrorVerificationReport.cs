using System.Text;
using LakehouseManager.Naming;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Verify;

/// <summary>The console rendering of a verification: one line when the mirror agrees, else counts and capped lists.</summary>
internal static class MirrorVerificationReport
{
    /// <summary>How many entries each list shows before "... and N more" (the JSON report has them all).</summary>
    public const int DefaultMaxListed = 20;

    public static string ToText(MirrorVerification verification, int maxListed = DefaultMaxListed)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxListed, 1);
        var comparison = verification.Comparison;
        var subject = $"Catalog branch {verification.Branch} at {HashText.Short(verification.CatalogHash)} and mirror " +
            $"{verification.GitRevision} at {HashText.Short(verification.GitCommit)}" +
            (verification.MirrorPath.Length == 0 ? string.Empty : $" (folder {verification.MirrorPath})");
        var beside = verification.Foreign.Count == 0
            ? string.Empty
            : $"Left out: {verification.Foreign.Count} *.sql file(s) that no mirror commit wrote (" +
              string.Join(", ", verification.Foreign.Take(maxListed).Select(verification.RepositoryPath)) +
              (verification.Foreign.Count > maxListed ? ", ..." : string.Empty) + ").\n";
        if (verification.Agrees)
        {
            return $"{subject} agree: {Views(comparison.ViewCount)}.\n{beside}";
        }

        var text = new StringBuilder();
        if (comparison.Agrees)
        {
            text.Append($"{subject} agree on {Views(comparison.ViewCount)}, but ")
                .Append($"{verification.Unresolved.Count} view(s) could not be read, so their files were not compared.\n");
        }
        else
        {
            text.Append($"{subject} disagree: {Views(comparison.ViewCount)}, {comparison.FileCount} mirror files, ")
                .Append($"{comparison.MatchingCount} matching; {comparison.Missing.Count} missing, {comparison.Extra.Count} extra, ")
                .Append($"{comparison.Different.Count} different, {comparison.Misplaced.Count} misplaced.\n");
        }

        if (verification.Unresolved.Count > 0)
        {
            var table = new TextTable([new TextColumn("View"), new TextColumn("Why its SQL could not be read", MaxWidth: 120)]);
            foreach (var view in verification.Unresolved.Take(maxListed))
            {
                table = table.WithRow(view.Key.ToString(), view.Reason);
            }

            text.Append("\nNot compared (").Append(verification.Unresolved.Count).Append("): views whose SQL could not be read\n")
                .Append(table.Render("  "));
            if (verification.Unresolved.Count > maxListed)
            {
                text.Append("... and ").Append(verification.Unresolved.Count - maxListed).Append(" more\n");
            }
        }

        AppendTable(text, "Missing", "views with no file at their path", comparison.Missing, maxListed,
            [new TextColumn("View"), new TextColumn("Expected file", MaxWidth: 80)],
            d => [d.Key!.ToString(), verification.RepositoryPath(d.ExpectedPath!)]);
        AppendTable(text, "Extra", "files the layout does not expect", comparison.Extra, maxListed,
            [new TextColumn("File", MaxWidth: 80), new TextColumn("Why", MaxWidth: 100)],
            d => [verification.RepositoryPath(d.Path!),
                d.ExpectedPath is null ? d.Detail : $"{d.Detail}, whose file is {verification.RepositoryPath(d.ExpectedPath)}"]);
        AppendDifferent(text, verification, comparison.Different, maxListed);
        AppendTable(text, "Misplaced", "views whose file has another name", comparison.Misplaced, maxListed,
            [new TextColumn("View"), new TextColumn("File", MaxWidth: 80), new TextColumn("Expected file", MaxWidth: 80)],
            d => [d.Key!.ToString(), verification.RepositoryPath(d.Path!), verification.RepositoryPath(d.ExpectedPath!)]);
        return text.Append(beside).ToString();
    }

    private static void AppendTable(
        StringBuilder text,
        string title,
        string meaning,
        IReadOnlyList<MirrorDrift> drift,
        int maxListed,
        TextColumn[] columns,
        Func<MirrorDrift, string?[]> cells)
    {
        if (drift.Count == 0)
        {
            return;
        }

        var table = new TextTable(columns);
        foreach (var item in drift.Take(maxListed))
        {
            table = table.WithRow(cells(item));
        }

        text.Append('\n').Append($"{title} ({drift.Count}): {meaning}\n").Append(table.Render("  "));
        AppendMore(text, drift.Count, maxListed);
    }

    /// <summary>Each different file with its first differing line from both sides, like a one-hunk diff.</summary>
    private static void AppendDifferent(
        StringBuilder text, MirrorVerification verification, IReadOnlyList<MirrorDrift> drift, int maxListed)
    {
        if (drift.Count == 0)
        {
            return;
        }

        text.Append('\n').Append($"Different ({drift.Count}): files whose content is not the view's SQL\n");
        foreach (var item in drift.Take(maxListed))
        {
            text.Append($"  {item.Key} ({verification.RepositoryPath(item.Path!)}): {item.Detail}\n");
            if (item.Difference is { } difference)
            {
                text.Append("    catalog: ").Append(Line(difference.CatalogLine, difference.Column)).Append('\n')
                    .Append("    mirror:  ").Append(Line(difference.MirrorLine, difference.Column)).Append('\n');
            }
        }

        AppendMore(text, drift.Count, maxListed);
    }

    private static string Line(string? line, int column) =>
        TextTable.Fit(TextDifference.Excerpt(line, column), 120);

    private static void AppendMore(StringBuilder text, int count, int maxListed)
    {
        if (count > maxListed)
        {
            text.Append($"  ... and {count - maxListed} more\n");
        }
    }

    private static string Views(int count) => count == 1 ? "1 view" : $"{count} views";
}
