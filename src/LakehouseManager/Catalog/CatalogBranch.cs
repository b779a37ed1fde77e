namespace LakehouseManager.Catalog;

/// <summary>A branch of the versioned catalog and the hash of its head commit.</summary>
public sealed record CatalogBranch(string Name, string Hash)
{
    public override string ToString() => $"{Name}@{Hash}";
}
