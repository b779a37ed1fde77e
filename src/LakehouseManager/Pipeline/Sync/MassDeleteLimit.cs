namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// How much of the mirror one sync may remove before it refuses (issue "never lose a file"): never all of it, and
/// never more than <see cref="Share"/> of a mirror of more than <see cref="SmallMirror"/> files. A mistyped catalog or
/// branch looks exactly like a catalog whose views were all dropped; only a person can tell them apart.
/// </summary>
/// <param name="Share">The largest share of a large mirror one sync may remove (0.5: half).</param>
/// <param name="SmallMirror">Up to this many files, a mirror is small: any share but all of it may go.</param>
internal sealed record MassDeleteLimit(double Share, int SmallMirror)
{
    public static MassDeleteLimit Default { get; } = new(0.5, 20);

    /// <summary>Whether removing <paramref name="removed"/> of <paramref name="mirrorFiles"/> files goes too far.</summary>
    public bool IsExceeded(int removed, int mirrorFiles) =>
        removed > 0 && (removed >= mirrorFiles || (mirrorFiles > SmallMirror && removed > mirrorFiles * Share));
}
