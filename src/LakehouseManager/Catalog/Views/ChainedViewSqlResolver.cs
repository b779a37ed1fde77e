namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Tries resolvers in order (design §3: Dremio's catalog API, then SHOW CREATE VIEW, then the metadata file, then the
/// content's SQL text): each one is asked only for the views the ones before it could not resolve. A view none of
/// them resolves is unresolved with every reason, in order.
/// </summary>
internal sealed class ChainedViewSqlResolver : IViewSqlResolver
{
    private readonly IReadOnlyList<IViewSqlResolver> _resolvers;

    public ChainedViewSqlResolver(params IViewSqlResolver[] resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        if (resolvers.Length == 0)
        {
            throw new ArgumentException("Give at least one resolver.", nameof(resolvers));
        }

        _resolvers = resolvers;
    }

    public string Description => string.Join(", then ", _resolvers.Select(r => r.Description));

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new ViewSql?[entries.Count];
        var reasons = new List<string>[entries.Count];
        var pending = Enumerable.Range(0, entries.Count).ToList();
        foreach (var resolver in _resolvers)
        {
            if (pending.Count == 0)
            {
                break;
            }

            var answers = await resolver.ResolveAsync(hash, [.. pending.Select(i => entries[i])], cancellationToken)
                .ConfigureAwait(false);
            var still = new List<int>();
            for (var n = 0; n < pending.Count; n++)
            {
                var index = pending[n];
                if (answers[n] is ViewSql.Unresolved unresolved)
                {
                    (reasons[index] ??= []).Add($"{resolver.Description}: {unresolved.Reason}");
                    still.Add(index);
                }
                else
                {
                    results[index] = answers[n];
                }
            }

            pending = still;
        }

        foreach (var index in pending)
        {
            results[index] = new ViewSql.Unresolved(entries[index].Key, string.Join("; ", reasons[index]));
        }

        return [.. results.Select(r => r!)];
    }
}
