using LakehouseManager.Catalog.Nessie;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Nessie's deprecated <c>sqlText</c> of a view, the last resort of SQL resolution (design §3). Dremio writes a
/// placeholder there, "Actual view text is stored in Iceberg ViewMetadata in storage" with dialect
/// <c>ICEBERG_METADATA</c> (dremio-oss <c>NessieClientImpl</c>, api-facts B.4): that text is never taken for SQL.
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

    /// <summary>The view's SQL from its Nessie content, when <c>sqlText</c> holds real SQL.</summary>
    public static ViewSqlOutcome Read(NessieContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.IsView)
        {
            return ViewSqlOutcome.Unresolved($"the content is a {content.Type}, not a view");
        }

        if (IsPlaceholder(content.SqlText, content.Dialect))
        {
            return ViewSqlOutcome.Unresolved(
                "Nessie's sqlText is Dremio's placeholder (\"" + DremioPlaceholder + "\"), not the view's SQL");
        }

        return string.IsNullOrWhiteSpace(content.SqlText)
            ? ViewSqlOutcome.Unresolved("Nessie holds no sqlText for the view (the SQL is only in its metadata file)")
            : ViewSqlOutcome.Resolved(content.SqlText);
    }
}
