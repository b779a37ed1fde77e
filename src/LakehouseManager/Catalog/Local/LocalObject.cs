using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>What a name in SQL can stand for at a branch.</summary>
internal enum LocalObjectKind
{
    Table,
    View,
}

/// <summary>
/// A data table (<see cref="StoredName"/> is its SQLite name) or a view of the branch (<see cref="StoredName"/> is its
/// stored key).
/// </summary>
internal sealed record LocalObject(LocalObjectKind Kind, ContentKey Key, string StoredName)
{
    public string Describe() => Kind == LocalObjectKind.Table ? $"table {Key}" : $"view {Key}";
}
