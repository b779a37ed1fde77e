using System.Globalization;
using LakehouseManager.Naming;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// The checks that stop a sync before it writes anything (issue "never lose a file"), with no I/O: a first sync into a
/// folder that holds <c>*.sql</c> files the mirror does not own, and a sync that would remove too much of the mirror.
/// Each refusal says how many files, gives examples, and names the flag that allows it.
/// </summary>
internal static class SyncSafety
{
    /// <summary>How many paths a refusal lists.</summary>
    public const int Examples = 5;

    /// <summary>
    /// A sync with no watermark to start from (a first sync, or a move) that finds <c>*.sql</c> files the catalog
    /// does not have refuses: they are not the mirror's, and it cannot tell them from the mirror's own files.
    /// </summary>
    public static void EnsureNoForeignFiles(CatalogDelta delta, SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(settings);
        if (!delta.IsBootstrap || delta.Foreign.Count == 0 || settings.AdoptExisting)
        {
            return;
        }

        var folder = Folder(delta.MirrorPath);
        var suggestion = delta.MirrorPath.Length == 0 ? "views" : delta.MirrorPath + "/views";
        throw new LakehouseException(
            $"The mirror folder ({folder}) already holds {delta.Foreign.Count} *.sql file(s) that are not views of catalog " +
            $"branch '{delta.Branch}' at {HashText.Short(delta.ToHash)}: {List(delta.MirrorPath, delta.Foreign)}. This " +
            "sync has no watermark to tell the mirror's own files from others (a first sync, a move, or a watermark whose " +
            "catalog commit is gone), and it never deletes files it does not own, so it stopped with " +
            $"nothing written. Mirror into a folder of its own with --mirror-path (e.g. --mirror-path {suggestion}), or, " +
            "if these files are an earlier mirror of this catalog, pass --adopt-existing to make them part of the mirror " +
            "(the ones the catalog does not have are then removed).");
    }

    /// <summary>
    /// A sync that would remove more of the mirror than <see cref="SyncSettings.MassDelete"/> allows refuses unless
    /// <see cref="SyncSettings.AllowMassDelete"/>: a mistyped catalog or branch looks like a catalog that dropped
    /// every view.
    /// </summary>
    /// <param name="delta">The delta about to be written.</param>
    /// <param name="mirrorFiles">The view files the mirror holds now.</param>
    /// <param name="settings">The sync's settings (the limit, and the flag).</param>
    public static void EnsureNotMassDelete(CatalogDelta delta, int mirrorFiles, SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(settings);
        var removed = delta.Changes.Where(c => c.Kind == MirrorChangeKind.Removed).Select(c => c.Path).ToList();
        if (settings.AllowMassDelete || !settings.MassDelete.IsExceeded(removed.Count, mirrorFiles))
        {
            return;
        }

        var limit = removed.Count >= mirrorFiles
            ? "all of it"
            : $"more than {Percent(settings.MassDelete.Share)} of a mirror of more than {settings.MassDelete.SmallMirror} files";
        var empty = removed.Count >= mirrorFiles && delta.Changes.All(c => c.Kind == MirrorChangeKind.Removed) &&
                    delta.Unresolved.Count == 0
            ? $" Catalog branch '{delta.Branch}' at {HashText.Short(delta.ToHash)} has none of the mirror's views: check " +
              "--catalog-path (or --catalog) and --to-ref."
            : string.Empty;
        throw new LakehouseException(
            $"This sync would remove {removed.Count} of the {mirrorFiles} file(s) of the mirror of branch " +
            $"'{delta.Branch}' ({Folder(delta.MirrorPath)}), {limit}: {List(delta.MirrorPath, removed)}. Nothing was " +
            $"written.{empty} If the catalog really dropped these views, run again with --allow-mass-delete.");
    }

    private static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Folder(string mirrorPath) => mirrorPath.Length == 0 ? "the repository root" : mirrorPath + "/";

    private static string List(string mirrorPath, IReadOnlyList<string> paths)
    {
        var shown = paths.Order(StringComparer.Ordinal).Take(Examples)
            .Select(p => mirrorPath.Length == 0 ? p : $"{mirrorPath}/{p}");
        return string.Join(", ", shown) + (paths.Count > Examples ? $" and {paths.Count - Examples} more" : string.Empty);
    }
}
