namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The first-parent ancestors of one commit (itself included), as chain segments: for each chain on the line, the
/// depth up to which that chain's commits are ancestors. An entry written at (chain, depth) belongs to an ancestor
/// when <see cref="Sees"/> says so, and among those the deepest is the nearest.
/// </summary>
internal sealed class CommitAncestry
{
    private readonly Dictionary<long, long> _limits;

    public CommitAncestry(Dictionary<long, long> limits)
    {
        _limits = limits;
    }

    /// <summary>For each chain on the line, the depth up to which its commits are ancestors.</summary>
    public IReadOnlyDictionary<long, long> Limits => _limits;

    public bool Sees(long chain, long depth) => _limits.TryGetValue(chain, out var limit) && depth <= limit;

    /// <summary>
    /// The depth of the deepest commit both lines share (their first-parent fork point): on the chain where the lines
    /// part, the shallower of the two limits; higher chains end above it.
    /// </summary>
    public static long ForkDepth(CommitAncestry left, CommitAncestry right) =>
        left._limits.Where(l => right._limits.ContainsKey(l.Key)).Max(l => Math.Min(l.Value, right._limits[l.Key]));
}
