using System.Runtime.CompilerServices;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// The views of a catalog with their SQL: the catalog port lists them, the view-SQL port reads their text. Each view
/// comes back <see cref="ViewSql.Resolved"/>, <see cref="ViewSql.Missing"/> or
/// <see cref="ViewSql.Unresolved"/>.
/// </summary>
public sealed class CatalogViews(ICatalog catalog, IViewSqlResolver resolver)
{
    public ICatalog Catalog { get; } = catalog ?? throw new ArgumentNullException(nameof(catalog));

    public IViewSqlResolver Resolver { get; } = resolver ?? throw new ArgumentNullException(nameof(resolver));

    /// <summary>Every view at a commit, resolved page by page (one listing page, then its SQL, then the next).</summary>
    public async IAsyncEnumerable<ViewSql> ListAsync(
        string hash, int pageSize = CatalogExtensions.DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await Catalog.ListViewsAsync(hash, token, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var view in await Resolver.ResolveAsync(hash, page.Items, cancellationToken).ConfigureAwait(false))
            {
                yield return view;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>The given keys at a commit, one result each, in key order; a key the catalog lacks is Missing.</summary>
    public async Task<IReadOnlyList<ViewSql>> ReadAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, int batchSize = CatalogExtensions.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var results = new Dictionary<ContentKey, ViewSql>();
        foreach (var chunk in keys.Distinct().Order().Chunk(batchSize))
        {
            var entries = await Catalog.GetViewsAsync(hash, chunk, cancellationToken).ConfigureAwait(false);
            foreach (var view in await Resolver.ResolveAsync(hash, entries, cancellationToken).ConfigureAwait(false))
            {
                results[view.Key] = view;
            }

            foreach (var key in chunk.Where(k => !results.ContainsKey(k)))
            {
                results[key] = new ViewSql.Missing(key);
            }
        }

        return [.. results.Values.OrderBy(v => v.Key)];
    }
}
