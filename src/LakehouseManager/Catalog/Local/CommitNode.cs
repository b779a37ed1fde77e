namespace LakehouseManager.Catalog.Local;

/// <summary>
/// A commit as the graph walks and reads see it. <see cref="Generation"/> is one more than the highest parent
/// generation, so a walk that always takes the highest generation first sees every commit after all of its
/// descendants. <see cref="Chain"/> and <see cref="Depth"/> place it on its first-parent line (see
/// <see cref="LocalCatalogSchema"/>): the depth is one more than the first parent's.
/// </summary>
internal sealed record CommitNode(long Id, string Hash, long? Parent1, long? Parent2, long Generation, long Chain, long Depth)
{
    public IEnumerable<long> Parents
    {
        get
        {
            if (Parent1 is { } first)
            {
                yield return first;
            }

            if (Parent2 is { } second)
            {
                yield return second;
            }
        }
    }
}
