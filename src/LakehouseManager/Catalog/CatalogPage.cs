namespace LakehouseManager.Catalog;

/// <summary>
/// One page of a listing, Nessie-shaped: when <see cref="NextPageToken"/> is not null, pass it back to get the next
/// page. The page size a caller asks for is a hint.
/// </summary>
public sealed record CatalogPage<T>(IReadOnlyList<T> Items, string? NextPageToken)
{
    public bool HasMore => NextPageToken is not null;
}
