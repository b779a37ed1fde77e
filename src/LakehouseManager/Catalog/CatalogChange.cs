using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>How a view differs between two commits.</summary>
public enum ChangeKind
{
    Added,
    Modified,
    Removed,
}

/// <summary>
/// One key that differs between two commits (Nessie's diff entry, restricted to views). A view renamed in the catalog
/// shows as its old key <see cref="ChangeKind.Removed"/> and its new key <see cref="ChangeKind.Added"/> with the same
/// <see cref="ContentId"/>.
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Kind">Added, modified or removed.</param>
/// <param name="ContentType">The content type, e.g. <c>ICEBERG_VIEW</c> (<see cref="ContentTypes"/>).</param>
/// <param name="ContentId">The content id on the side where the key exists (the new side when both do); null when
/// the catalog has none.</param>
public sealed record CatalogChange(ContentKey Key, ChangeKind Kind, string ContentType = ContentTypes.IcebergView, string? ContentId = null);

/// <summary>Nessie's content type names; only views are mirrored.</summary>
internal static class ContentTypes
{
    public const string IcebergView = "ICEBERG_VIEW";
    public const string IcebergTable = "ICEBERG_TABLE";
    public const string Namespace = "NAMESPACE";
    public const string DeltaLakeTable = "DELTA_LAKE_TABLE";
    public const string Udf = "UDF";
}
