namespace LakehouseManager.Catalog.Views;

/// <summary>
/// The fallback SQL source for a catalog that Dremio serves (design §3): one <c>SHOW CREATE VIEW ... AT COMMIT</c>
/// job per view through the SQL API, a bounded number at once.
/// </summary>
internal sealed class ShowCreateViewResolver : IViewSqlResolver
{
    private readonly DremioViewSqlReader _reader;
    private readonly int _parallelism;

    public ShowCreateViewResolver(DremioViewSqlReader reader, int parallelism = BoundedParallel.DefaultDegree)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parallelism = parallelism;
    }

    public string Description => "Dremio's SHOW CREATE VIEW";

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return await BoundedParallel.MapAsync(
            entries, _parallelism, (entry, token) => _reader.ShowCreateViewAsync(entry.Key, hash, token), cancellationToken)
            .ConfigureAwait(false);
    }
}
