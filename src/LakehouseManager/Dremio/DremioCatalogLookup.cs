namespace LakehouseManager.Dremio;

/// <summary>
/// What <c>catalog/by-paths</c> said about one requested path: the object, or Dremio's error for that path (null
/// for both: Dremio left the path out of its answer, which the caller treats as not found).
/// </summary>
internal sealed record DremioCatalogLookup(IReadOnlyList<string> Path, DremioCatalogEntity? Entity, string? ErrorMessage);
