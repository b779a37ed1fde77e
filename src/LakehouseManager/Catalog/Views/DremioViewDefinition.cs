using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// One row of <c>INFORMATION_SCHEMA."VIEWS"</c>: <c>TABLE_SCHEMA</c> (the dotted path, source first),
/// <c>TABLE_NAME</c> and <c>VIEW_DEFINITION</c> (api-facts B.4).
/// </summary>
internal sealed record DremioViewDefinition(string TableSchema, string TableName, string ViewDefinition)
{
    /// <summary>
    /// The catalog key under <paramref name="source"/> (the schema without the source, plus the name), or null when the
    /// row is not under that source or its schema cannot be split back into elements without doubt.
    /// </summary>
    /// <remarks>
    /// Dremio joins the schema's elements with dots and quotes nothing, so an element that holds a dot cannot be told
    /// from two elements; such rows are left to a per-view read (by-path or SHOW CREATE VIEW).
    /// </remarks>
    public ContentKey? KeyUnder(string source, IReadOnlySet<string>? knownNamespaces = null)
    {
        if (!TableSchema.Equals(source, StringComparison.Ordinal) &&
            !TableSchema.StartsWith(source + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = TableSchema.Length == source.Length ? "" : TableSchema[(source.Length + 1)..];
        if (knownNamespaces is not null && rest.Length > 0 && !knownNamespaces.Contains(rest))
        {
            // The schema splits into elements we cannot confirm: leave it to a per-view read.
            return null;
        }

        var elements = rest.Length == 0 ? new List<string>() : [.. rest.Split('.')];
        elements.Add(TableName);
        return ContentKey.Validate(elements) is null ? ContentKey.Of(elements) : null;
    }
}
