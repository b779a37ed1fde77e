namespace LakehouseManager.Pipeline.Verify;

/// <summary>
/// What a comparison of the catalog with its mirror found: the counts, and every drift in a stable order (by kind,
/// then view, then path).
/// </summary>
/// <param name="ViewCount">Views in the catalog.</param>
/// <param name="FileCount">Mirror files (<c>.sql</c>) compared.</param>
/// <param name="MatchingCount">Views whose file is at its path with exactly the view's text.</param>
/// <param name="Drift">Every difference found.</param>
public sealed record MirrorComparisonResult(int ViewCount, int FileCount, int MatchingCount, IReadOnlyList<MirrorDrift> Drift)
{
    /// <summary>No drift: one file per view, at its path, with its SQL text, and nothing else.</summary>
    public bool Agrees => Drift.Count == 0;

    public IReadOnlyList<MirrorDrift> Missing => Of(MirrorDriftKind.Missing);

    public IReadOnlyList<MirrorDrift> Extra => Of(MirrorDriftKind.Extra);

    public IReadOnlyList<MirrorDrift> Different => Of(MirrorDriftKind.Different);

    public IReadOnlyList<MirrorDrift> Misplaced => Of(MirrorDriftKind.Misplaced);

    public IReadOnlyList<MirrorDrift> Of(MirrorDriftKind kind) => [.. Drift.Where(d => d.Kind == kind)];
}
