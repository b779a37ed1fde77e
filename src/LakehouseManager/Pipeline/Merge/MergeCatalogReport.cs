using System.Text;
using LakehouseManager.Catalog;
using LakehouseManager.Naming;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Merge;

/// <summary>The pull-request comments and the console text of a MergeCatalog outcome. No I/O.</summary>
internal static class MergeCatalogReport
{
    /// <summary>How many conflicts the console lists before "... and N more".</summary>
    public const int MaxConsoleConflicts = 50;

    /// <summary>The short comment posted after a merge.</summary>
    public static string MergedMarkdown(MergeCatalogResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder()
            .Append("✅ **Catalog merged.** Merged catalog branch ").Append(Code(result.SourceBranch))
            .Append(" at ").Append(Code(HashText.Short(result.FromHash))).Append(" into ").Append(Code(result.TargetBranch))
            .Append(": ").Append(Code(result.TargetBranch)).Append(" is now at ").Append(Code(HashText.Short(result.TargetHashAfter)))
            .Append(".\n");
        AppendUnreviewed(text, result);
        return text.ToString();
    }

    /// <summary>
    /// The comment that lists the conflicts of a refused merge, as a table cut (with "... and N more") so that the
    /// whole comment fits in <paramref name="maxLength"/> characters.
    /// </summary>
    public static string ConflictsMarkdown(MergeCatalogResult result, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(result);
        var head = new StringBuilder()
            .Append("❌ **Catalog merge refused: ").Append(Count(result.Conflicts.Count)).Append(".** Catalog branch ")
            .Append(Code(result.SourceBranch)).Append(" at ").Append(Code(HashText.Short(result.FromHash)))
            .Append(" cannot be merged into ").Append(Code(result.TargetBranch)).Append(" at ")
            .Append(Code(HashText.Short(result.TargetHashBefore))).Append(", so nothing was merged.\n\n")
            .Append("| View | Conflict | Message |\n| --- | --- | --- |\n").ToString();
        var foot = new StringBuilder("\nResolve the conflicts on catalog branch ").Append(Code(result.TargetBranch))
            .Append(" (or on ").Append(Code(result.SourceBranch)).Append(", then sync and review again), and run ")
            .Append("MergeCatalog again.\n");
        AppendUnreviewed(foot, result);

        var rows = result.Conflicts.Select(Row).ToList();
        var total = rows.Count;
        var length = head.Length + foot.Length + rows.Sum(r => r.Length);
        var shown = total;
        while (shown > 0 && length + More(shown, total).Length > maxLength)
        {
            shown--;
            length -= rows[shown].Length;
        }

        return head + string.Concat(rows.Take(shown)) + More(shown, total) + foot;
    }

    /// <summary>The outcome for the console: one line, and for conflicts a table of them.</summary>
    public static string ToText(MergeCatalogResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var source = result.SourceBranch;
        var target = result.TargetBranch;
        var text = new StringBuilder(result.Outcome switch
        {
            MergeCatalogOutcome.Merged =>
                $"Merged catalog branch {source} at {HashText.Short(result.FromHash)} into {target}: {target} is now at " +
                $"{HashText.Short(result.TargetHashAfter)}.",
            MergeCatalogOutcome.AlreadyMerged =>
                $"Catalog branch {source} at {HashText.Short(result.FromHash)} is already merged into {target} (at " +
                $"{HashText.Short(result.TargetHashAfter)}): nothing to do.",
            _ =>
                $"Catalog merge refused: {Count(result.Conflicts.Count)} merging {source} at {HashText.Short(result.FromHash)} " +
                $"into {target} at {HashText.Short(result.TargetHashBefore)}; nothing was merged.",
        }).Append('\n');
        if (result.HasUnreviewedChanges)
        {
            text.Append($"Not merged: the changes on catalog branch {source} after {HashText.Short(result.FromHash)} (now at ")
                .Append($"{HashText.Short(result.SourceHead)}), which were never synced to the pull request.\n");
        }

        if (result.Conflicts.Count > 0)
        {
            var table = new TextTable(new TextColumn("View"), new TextColumn("Conflict", MaxWidth: 24), new TextColumn("Message", MaxWidth: 80));
            foreach (var conflict in result.Conflicts.Take(MaxConsoleConflicts))
            {
                table = table.WithRow(conflict.Key.ToString(), conflict.ConflictType, conflict.Message);
            }

            text.Append(table.Render("  "));
            if (result.Conflicts.Count > MaxConsoleConflicts)
            {
                text.Append($"  ... and {result.Conflicts.Count - MaxConsoleConflicts} more\n");
            }
        }

        return text.ToString();
    }

    private static void AppendUnreviewed(StringBuilder text, MergeCatalogResult result)
    {
        if (result.HasUnreviewedChanges)
        {
            text.Append("\n⚠️ Catalog branch ").Append(Code(result.SourceBranch)).Append(" has changes after ")
                .Append(Code(HashText.Short(result.FromHash))).Append(" (it is now at ").Append(Code(HashText.Short(result.SourceHead)))
                .Append(") that were never synced to this pull request: they were not merged and stay on ")
                .Append(Code(result.SourceBranch)).Append(".\n");
        }
    }

    private static string Row(MergeConflict conflict) =>
        $"| {MarkdownText.Code(conflict.Key.ToString(), inTable: true)} | {MarkdownText.Escape(conflict.ConflictType)} | " +
        $"{MarkdownText.Escape(conflict.Message)} |\n";

    private static string More(int shown, int total) =>
        shown < total ? $"\n… and {total - shown} more (see the build log).\n" : string.Empty;

    private static string Count(int conflicts) => conflicts == 1 ? "1 conflict" : $"{conflicts} conflicts";

    private static string Code(string text) => MarkdownText.Code(text);
}
