using System.Text;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// The message of a mirror commit: a subject with the counts, the views changed, and the watermark trailers
/// (<c>Catalog-Ref</c>, <c>Catalog-Commit</c>) that the next sync starts from (design §4). Kept edits are carried in
/// <c>Catalog-Drift</c> trailers so the next sync looks at them again instead of forgetting them.
/// </summary>
public static class SyncCommitMessage
{
    public const string RefTrailer = "Catalog-Ref";
    public const string CommitTrailer = "Catalog-Commit";
    public const string DriftTrailer = "Catalog-Drift";

    /// <summary>Long lists are cut: the commit diff shows every file anyway.</summary>
    public const int MaxListedViews = 50;

    public const int MaxDriftTrailers = 100;

    public static string Render(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var builder = new StringBuilder();
        builder.Append("Sync catalog branch ").Append(delta.Branch).Append(" at ").Append(Short(delta.ToHash))
            .Append(": ").Append(Counts(delta)).Append('\n');

        var listed = 0;
        var body = new StringBuilder();
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

        var kept = delta.GitEdits.Where(e => e.Resolution == GitEditResolution.Kept).ToList();
        var carried = kept.Where(e => e.Kind != GitEditKind.Unmappable).Select(e => e.Path).Distinct().ToList();
        if (kept.Count > 0)
        {
            body.Append("Kept git edits (drift): ").Append(kept.Count).Append('\n');
        }

        if (body.Length > 0)
        {
            builder.Append('\n').Append(body);
        }

        builder.Append('\n');
        builder.Append(RefTrailer).Append(": ").Append(delta.Branch).Append('\n');
        builder.Append(CommitTrailer).Append(": ").Append(delta.ToHash).Append('\n');
        foreach (var path in carried.Take(MaxDriftTrailers))
        {
            builder.Append(DriftTrailer).Append(": ").Append(path).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>"2 added, 1 changed, 1 removed" (kinds with no change are left out).</summary>
    public static string Counts(CatalogDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var parts = Enum.GetValues<MirrorChangeKind>()
            .Select(kind => (kind, count: delta.Count(kind)))
            .Where(x => x.count > 0)
            .Select(x => $"{x.count} {x.kind.ToString().ToLowerInvariant()}")
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

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
