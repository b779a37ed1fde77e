namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// The one message for a catalog without branches (design §3, "Which catalogs have branches"): only Nessie-based
/// catalogs have them, and new Dremio Cloud projects use Open Catalog (Apache Polaris), which has none. Pure.
/// </summary>
internal static class BranchlessCatalog
{
    /// <summary>Where branches exist, said the same way in every message and in the README.</summary>
    public const string CatalogsWithBranches =
        "Lakehouse Manager mirrors catalog branches, which only Nessie-based catalogs have: a self-managed Nessie " +
        "(--catalog nessie --nessie-url), a Nessie source of Dremio Software (--catalog dremio), or an Arctic catalog of " +
        "Dremio Cloud Classic (--catalog dremio-cloud --catalog-id)";

    /// <summary>
    /// Why the endpoint cannot be mirrored: it is an Iceberg REST catalog (<paramref name="icebergRestConfig"/> answered),
    /// or no Nessie API v2 answers there at all.
    /// </summary>
    public static string Message(NessieEndpoint endpoint, Uri? icebergRestConfig)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (icebergRestConfig is not null)
        {
            return $"The catalog at {icebergRestConfig.GetLeftPart(UriPartial.Authority)} has no branches: it answers as an " +
                $"Iceberg REST catalog ({icebergRestConfig.AbsolutePath}), not as Nessie ({endpoint.BaseUri.AbsolutePath}config " +
                "was not found), like Open Catalog (Apache Polaris), the catalog of new Dremio Cloud projects. " +
                CatalogsWithBranches + ".";
        }

        if (endpoint.IsArctic)
        {
            return $"{endpoint.Description} was not found at {endpoint.BaseUri}: check --catalog-id and " +
                "--dremio-cloud-region. New Dremio Cloud projects have Open Catalog (Apache Polaris) instead of Arctic, " +
                "and it has no branches. " + CatalogsWithBranches + ".";
        }

        return $"No Nessie catalog answers at {endpoint.BaseUri} ({endpoint.BaseUri.AbsolutePath}config was not found): check " +
            "--nessie-url, e.g. http://localhost:19120/api/v2. A catalog without that API has no branches (an Iceberg REST " +
            "catalog such as Open Catalog, Apache Polaris). " + CatalogsWithBranches + ".";
    }
}
