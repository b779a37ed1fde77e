namespace LakehouseManager.Catalog.Nessie;

/// <summary>The content <c>type</c> discriminators (api-facts A.5, <c>Content.java</c>).</summary>
internal static class NessieContentTypes
{
    public const string IcebergTable = "ICEBERG_TABLE";
    public const string IcebergView = "ICEBERG_VIEW";
    public const string Namespace = "NAMESPACE";
    public const string DeltaLakeTable = "DELTA_LAKE_TABLE";
    public const string Udf = "UDF";
}
