using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>How a view differs between two commits.</summary>
public enum ChangeKind
{
    Added,
    Modified,
    Removed,
}

/// <summary>One key that differs between two commits (Nessie's diff entry, restricted to views).</summary>
public sealed record CatalogChange(ContentKey Key, ChangeKind Kind);
