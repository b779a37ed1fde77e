using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;

namespace LakehouseManager.Composition;

/// <summary>The view-SQL resolver chains of the Nessie-based kinds, in the order of design §3.</summary>
internal static class ViewSqlResolvers
{
    /// <summary>Plain Nessie: the Iceberg view metadata file, then Nessie's own sqlText when it is real SQL.</summary>
    public static IViewSqlResolver PlainNessie(Lakehouse lakehouse) =>
        new ChainedViewSqlResolver(MetadataFile(lakehouse), new ContentSqlTextResolver());

    /// <summary>
    /// A catalog that Dremio serves as a source: Dremio's catalog API at the commit, then SHOW CREATE VIEW, then the
    /// metadata file, then Nessie's sqlText; a bootstrap of the default branch is one INFORMATION_SCHEMA query.
    /// </summary>
    public static IViewSqlResolver ServedByDremio(Lakehouse lakehouse, DremioConnection dremio, ICatalog catalog)
    {
        var reader = new DremioViewSqlReader(dremio.Client, dremio.Engine, lakehouse.Settings.SourceName!);
        var parallelism = Parallelism(lakehouse);
        var chain = new ChainedViewSqlResolver(
            new DremioCatalogApiResolver(reader, parallelism),
            new ShowCreateViewResolver(reader, parallelism),
            MetadataFile(lakehouse),
            new ContentSqlTextResolver());
        return new DefaultBranchSnapshotResolver(
            chain, catalog, reader, logger: lakehouse.Logger<DefaultBranchSnapshotResolver>());
    }

    private static IcebergMetadataResolver MetadataFile(Lakehouse lakehouse) =>
        new(lakehouse.Own(new IcebergViewMetadataReader()), Parallelism(lakehouse));

    private static int Parallelism(Lakehouse lakehouse) =>
        lakehouse.Settings.ViewSqlParallelism >= 1
            ? lakehouse.Settings.ViewSqlParallelism
            : throw new LakehouseException(
                $"--view-sql-parallelism must be at least 1, not {lakehouse.Settings.ViewSqlParallelism}.");
}
