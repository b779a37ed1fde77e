using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;

namespace LakehouseManager.Tests.Support;

/// <summary>A catalog with the resolver the composition root gives the embedded catalog: the content's own SQL.</summary>
internal static class TestViews
{
    public static CatalogViews Of(ICatalog catalog) => new(catalog, new ContentSqlTextResolver());
}
