using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>The human summary of a delta that FetchCatalogDelta prints: what the sync will do, view by view.</summary>
internal static class CatalogDeltaSummary
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

        // A rename shows as one line, old name to new name, instead of a removal and an addition.
        var renamedFrom = delta.Renames.ToDictionary(r => r.To, r => r.From);
        var renamedAway = delta.Renames.Select(r => r.From).ToHashSet();
        var shown = delta.Changes.Where(c => !(c.Kind == MirrorChangeKind.Removed && renamedAway.Contains(c.Key))).ToList();
        var width = shown.Select(c => Name(c, renamedFrom).Length)
            .Concat(delta.Unresolved.Select(u => u.Key.ToSqlPath().Length)).DefaultIfEmpty(0).Max();
        var lines = shown
            .Select(c => $"  {Symbol(c, renamedFrom)} {Name(c, renamedFrom).PadRight(width)}  {Describe(c, delta, renamedFrom)}")
            .Concat(delta.Unresolved.Select(u => $"  ? {u.Key.ToSqlPath().PadRight(width)}  left as it is: {u.Reason}"))
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

        if (delta.Unresolved.Count > 0)
        {
            builder.Append(delta.Unresolved.Count)
                .Append(" view(s) whose SQL could not be read were left as they are; the next sync reads them again\n");
        }

        if (delta.GitEdits.Count > 0)
        {
            var kept = delta.GitEdits.Count(e => e.Resolution == GitEditResolution.Kept);
            builder.Append(kept).Append(" git edit(s) kept as drift, ").Append(delta.GitEdits.Count - kept)
                .Append(" reverted\n");
        }

        return builder.ToString();
    }

    private static string Name(MirrorChange change, Dictionary<ContentKey, ContentKey> renamedFrom) =>
        renamedFrom.TryGetValue(change.Key, out var from) && change.Kind == MirrorChangeKind.Added
            ? $"{from.ToSqlPath()} -> {change.Key.ToSqlPath()}"
            : change.Key.ToSqlPath();

    private static string Describe(MirrorChange change, CatalogDelta delta, Dictionary<ContentKey, ContentKey> renamedFrom)
    {
        var mirrorPath = delta.MirrorPath;
        if (change.Kind == MirrorChangeKind.Added && renamedFrom.TryGetValue(change.Key, out var from) &&
            delta.Changes.FirstOrDefault(c => c.Kind == MirrorChangeKind.Removed && c.Key == from) is { } removed)
        {
            return $"{Repository(mirrorPath, removed.Path)} -> {Repository(mirrorPath, change.Path)}";
        }

        return change.PreviousPath is null
            ? Repository(mirrorPath, change.Path)
            : $"{Repository(mirrorPath, change.PreviousPath)} -> {Repository(mirrorPath, change.Path)}";
    }

    private static char Symbol(MirrorChange change, Dictionary<ContentKey, ContentKey> renamedFrom) =>
        change.Kind == MirrorChangeKind.Added && renamedFrom.ContainsKey(change.Key) ? '»' : Symbol(change.Kind);

    private static string Repository(string mirrorPath, string path) => mirrorPath.Length == 0 ? path : $"{mirrorPath}/{path}";

    private static char Symbol(MirrorChangeKind kind) => kind switch
    {
        MirrorChangeKind.Added => '+',
        MirrorChangeKind.Changed => '~',
        MirrorChangeKind.Removed => '-',
        _ => '>',
    };

}
