namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Runs one call per item with at most a given number at once, and returns the results in the items' order. The
/// view-SQL resolvers read views this way: parallel enough to hide latency, bounded so that a large catalog never
/// opens hundreds of connections or Dremio jobs at once.
/// </summary>
internal static class BoundedParallel
{
    /// <summary>The default number of calls at once, for reads of view SQL.</summary>
    public const int DefaultDegree = 8;

    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        int degree,
        Func<TItem, CancellationToken, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        var results = new TResult[items.Count];
        if (items.Count == 1 || degree == 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = await call(items[i], cancellationToken).ConfigureAwait(false);
            }

            return results;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await call(items[index], token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }
}
