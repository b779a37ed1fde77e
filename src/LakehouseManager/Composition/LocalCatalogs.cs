using LakehouseManager.Catalog.Local;

namespace LakehouseManager.Composition;

/// <summary>Opens the embedded catalog for work that reads it: a file that does not exist is an error, never a new, empty catalog.</summary>
internal static class LocalCatalogs
{
    public static async Task<LocalCatalog> OpenExistingAsync(LakehouseSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.CatalogPath))
        {
            throw new LakehouseException(
                $"--catalog local needs --catalog-path: the local catalog file (by default {LocalCatalog.DefaultPath}).");
        }

        // Opening creates a missing file: an empty catalog, against which a sync would delete every mirror file.
        if (!File.Exists(settings.CatalogPath))
        {
            throw new LakehouseException(
                $"The local catalog '{settings.CatalogPath}' (--catalog-path) does not exist: check the path. A new catalog " +
                "is made only by the commands that create one (Init, the Sql target with a CREATE statement, the Demo).");
        }

        return await LocalCatalog.OpenAsync(
            settings.CatalogPath, new LocalCatalogOptions { SourceName = settings.SourceName }, cancellationToken)
            .ConfigureAwait(false);
    }
}
