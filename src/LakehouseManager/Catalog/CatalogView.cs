using LakehouseManager.Naming;

namespace LakehouseManager.Catalog;

/// <summary>A view of the catalog at some commit: its key and its SQL text, exactly as the catalog holds it.</summary>
public sealed record CatalogView(ContentKey Key, string Sql);
