namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Nessie's deprecated <c>sqlText</c> of a view, the last resort of SQL resolution (design §3). Dremio writes a
/// placeholder there, "Actual view text is stored in Iceberg ViewMetadata in storage" with dialect
/// <c>ICEBERG_METADATA</c> (dremio-oss <c>NessieClientImpl</c>, api-facts B.4): that text is never taken for SQL.
/// <see cref="ContentSqlTextResolver"/> reads the text through the view-SQL port.
/// </summary>
internal static class NessieSqlText
{
    /// <summary>The placeholder Dremio writes instead of the SQL.</summary>
    public const string DremioPlaceholder = "Actual view text is stored in Iceberg ViewMetadata in storage";

    /// <summary>The dialect Dremio writes with the placeholder.</summary>
    public const string PlaceholderDialect = "ICEBERG_METADATA";

    /// <summary>Whether the text (or its dialect) is Dremio's placeholder rather than SQL.</summary>
    public static bool IsPlaceholder(string? sqlText, string? dialect) =>
        string.Equals(dialect?.Trim(), PlaceholderDialect, StringComparison.OrdinalIgnoreCase) ||
        (sqlText is not null && sqlText.Trim().StartsWith(DremioPlaceholder, StringComparison.OrdinalIgnoreCase));
}
