namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Reads each view's SQL from its Iceberg view metadata file (<c>metadataLocation</c>, <c>file://</c> or <c>s3://</c>):
/// the source for plain Nessie without Dremio (design §3), a bounded number of files at once.
/// </summary>
internal sealed class IcebergMetadataResolver : IViewSqlResolver
{
    private readonly IcebergViewMetadataReader _reader;
    private readonly int _parallelism;

    /// <param name="reader">The metadata reader; not disposed.</param>
    /// <param name="parallelism">Files read at once.</param>
    public IcebergMetadataResolver(IcebergViewMetadataReader reader, int parallelism = BoundedParallel.DefaultDegree)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parallelism = parallelism;
    }

    public string Description => "the Iceberg view metadata file";

    public async Task<IReadOnlyList<ViewSql>> ResolveAsync(
        string hash, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return await BoundedParallel.MapAsync(
            entries, _parallelism, (entry, token) => _reader.ReadSqlAsync(entry.Key, entry.Content.MetadataLocation, token),
            cancellationToken).ConfigureAwait(false);
    }
}
