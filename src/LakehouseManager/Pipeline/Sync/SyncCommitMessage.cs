using System.Text;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// The message of a mirror commit: a subject with the counts, the views changed, and the watermark trailers
/// (<see cref="GitWatermark.Trailers"/>) that the next sync starts from (design §4). Kept git edits are carried in
/// <c>Catalog-Drift</c> trailers, so the next sync looks at them again instead of forgetting them.
/// </summary>
public static class SyncCommitMessage
{
    public const string DriftTrailer = "Catalog-Drift";

    /// <summary>A view whose SQL could not be read at this commit: the next sync examines it again.</summary>
    public const string PendingTrailer = "Catalog-Pending";

    /// <summary>The mirror folder the watermark is about; a sync with another <c>--mirror-path</c> ignores it.</summary>
    public const string MirrorPathTrailer = "Catalog-Mirror-Path";

    /// <summary>Long lists are cut: the commit diff shows every file anyway.</summary>
    public const int MaxListedViews = 50;

    public static string Render(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var subject = delta.Move is not null
            ? $"Move the mirror of catalog branch {delta.Branch} to {Folder(delta.MirrorPath)} at {HashText.Short(delta.ToHash)}: {Counts(delta)}"
            : $"Sync catalog branch {delta.Branch} at {HashText.Short(delta.ToHash)}: {Counts(delta)}";

        var body = new StringBuilder();
        if (delta.Move is { } moved)
        {
            body.Append("Moved the mirror from ").Append(Folder(moved.FromPath)).Append(" to ").Append(Folder(delta.MirrorPath))
                .Append(" (--move-mirror): ").Append(moved.Files.Count).Append(" file(s) removed from the old folder\n");
        }

        var listed = 0;
        foreach (var change in delta.Changes.OrderBy(c => c.Kind).ThenBy(c => c.Key))
        {
            if (listed == MaxListedViews)
            {
                body.Append("... and ").Append(delta.Changes.Count - listed).Append(" more\n");
                break;
            }

            body.Append(Label(change.Kind)).Append(' ').Append(change.Key.ToSqlPath()).Append('\n');
            listed++;
        }

        foreach (var rename in delta.Renames)
        {
            body.Append("Renamed in the catalog: ").Append(rename.From.ToSqlPath()).Append(" -> ").Append(rename.To.ToSqlPath())
                .Append('\n');
        }

        if (delta.Unresolved.Count > 0)
        {
            body.Append("Views whose SQL could not be read, left as they are (the next sync reads them again): ")
                .Append(delta.Unresolved.Count).Append('\n');
            foreach (var view in delta.Unresolved.Take(MaxListedViews))
            {
                body.Append("  ").Append(view.Key.ToSqlPath()).Append(": ").Append(view.Reason).Append('\n');
            }
        }

        var kept = delta.GitEdits.Where(e => e.Resolution == GitEditResolution.Kept).ToList();
        if (kept.Count > 0)
        {
            body.Append("Kept git edits (drift): ").Append(kept.Count).Append('\n');
        }

        // Every kept edit is carried, however many: one left out would be overwritten by a later catalog change.
        var drift = kept.Where(e => e.Kind != GitEditKind.Unmappable)
            .Select(e => e.Path)
            .Distinct(StringComparer.Ordinal)
            .Select(path => new GitTrailer(DriftTrailer, path));
        return GitCommitMessage.Compose(
            subject,
            body.ToString(),
            [
                .. GitWatermark.Trailers(delta.Branch, delta.ToHash),
                new GitTrailer(MirrorPathTrailer, MirrorPathToTrailer(delta.MirrorPath)),
                .. drift,
                .. delta.Unresolved.Select(v => new GitTrailer(PendingTrailer, MirrorLayout.EncodePlain(v.Key))),
            ]);
    }

    private static string Folder(string mirrorPath) => mirrorPath.Length == 0 ? "the repository root" : mirrorPath + "/";

    /// <summary>The mirror folder as a trailer value: <c>.</c> for the repository root (a trailer cannot be empty).</summary>
    public static string MirrorPathToTrailer(string mirrorPath) => mirrorPath.Length == 0 ? "." : mirrorPath;

    public static string MirrorPathFromTrailer(string value) => value == "." ? string.Empty : value;

    /// <summary>
    /// "2 added, 1 changed, 1 removed, 1 renamed" (kinds with no change are left out; a rename counts once, not as a
    /// removal and an addition).
    /// </summary>
    public static string Counts(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var renamed = delta.Renames.Count(r =>
            delta.Changes.Any(c => c.Kind == MirrorChangeKind.Added && c.Key == r.To) &&
            delta.Changes.Any(c => c.Kind == MirrorChangeKind.Removed && c.Key == r.From));
        var parts = Enum.GetValues<MirrorChangeKind>()
            .Select(kind => (name: kind.ToString().ToLowerInvariant(),
                count: delta.Count(kind) - (kind is MirrorChangeKind.Added or MirrorChangeKind.Removed ? renamed : 0)))
            .Append(("renamed", renamed))
            .Where(x => x.Item2 > 0)
            .Select(x => $"{x.Item2} {x.Item1}")
            .ToList();
        return parts.Count == 0 ? "no change" : string.Join(", ", parts);
    }

    private static string Label(MirrorChangeKind kind) => kind switch
    {
        MirrorChangeKind.Added => "Added:  ",
        MirrorChangeKind.Changed => "Changed:",
        MirrorChangeKind.Removed => "Removed:",
        _ => "Moved:  ",
    };

}
