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

    public bool Sees(long chain, long depth) => _limits.TryGetValue(chain, out var limit) && depth <= limit;
}
