/// <summary>The <c>--catalog</c> parameter: which versioned catalog the pipeline works on.</summary>
internal enum CatalogKind
{
    /// <summary>The embedded local catalog (SQLite): the default, no cloud account needed.</summary>
    Local,

    /// <summary>Project Nessie over REST API v2.</summary>
    Nessie,

    /// <summary>Dremio Cloud (Arctic catalog, SQL through the Dremio Cloud API).</summary>
    DremioCloud,

    /// <summary>Dremio Software with a Nessie source.</summary>
    Dremio,
}
