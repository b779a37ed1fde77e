using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>The human summary of a delta that FetchCatalogDelta prints: what the sync will do, view by view.</summary>
public static class CatalogDeltaSummary
{
    public const int MaxLines = 100;

    public static string Render(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var builder = new StringBuilder();
        var folder = delta.MirrorPath.Length == 0 ? "the repository root" : delta.MirrorPath + "/";
        builder.Append("Catalog branch ").Append(delta.Branch).Append(" at ").Append(HashText.Short(delta.ToHash))
            .Append(" -> git branch ").Append(delta.Branch).Append(" (mirror folder: ").Append(folder).Append(")\n");
        builder.Append(delta.IsBootstrap
                ? "No watermark yet: the whole catalog branch was compared with the mirror (bootstrap)"
                : $"Since watermark {HashText.Short(delta.WatermarkCommit!)} (catalog commit {HashText.Short(delta.FromHash!)})")
            .Append(": ").Append(SyncCommitMessage.Counts(delta)).Append('\n');

        var width = delta.Changes.Select(c => c.Key.ToSqlPath().Length).DefaultIfEmpty(0).Max();
        var lines = delta.Changes
            .Select(c => $"  {Symbol(c.Kind)} {c.Key.ToSqlPath().PadRight(width)}  {Describe(c, delta.MirrorPath)}")
            .Concat(delta.GitEdits.Select(e =>
                $"  ! {Repository(delta.MirrorPath, e.Path)}: {e.Detail}"))
            .ToList();
        foreach (var line in lines.Take(MaxLines))
        {
            builder.Append(line).Append('\n');
        }

        if (lines.Count > MaxLines)
        {
            builder.Append("  ... and ").Append(lines.Count - MaxLines).Append(" more (see the delta file)\n");
        }

        if (delta.GitEdits.Count > 0)
        {
            var kept = delta.GitEdits.Count(e => e.Resolution == GitEditResolution.Kept);
            builder.Append(kept).Append(" git edit(s) kept as drift, ").Append(delta.GitEdits.Count - kept)
                .Append(" reverted\n");
        }

        return builder.ToString();
    }

    private static string Describe(MirrorChange change, string mirrorPath) =>
        change.PreviousPath is null
            ? Repository(mirrorPath, change.Path)
            : $"{Repository(mirrorPath, change.PreviousPath)} -> {Repository(mirrorPath, change.Path)}";

    private static string Repository(string mirrorPath, string path) => mirrorPath.Length == 0 ? path : $"{mirrorPath}/{path}";

    private static char Symbol(MirrorChangeKind kind) => kind switch
    {
        MirrorChangeKind.Added => '+',
        MirrorChangeKind.Changed => '~',
        MirrorChangeKind.Removed => '-',
        _ => '>',
    };

}
