namespace LakehouseManager.Pipeline.DataTests;

/// <summary>Where data-test queries run (<c>--catalog</c>).</summary>
public enum QueryEngineKind
{
    /// <summary><c>local</c>: the embedded catalog file (<c>--catalog-path</c>), the branch's views in SQLite.</summary>
    Local,

    /// <summary><c>dremio-cloud</c>: Dremio Cloud (<c>--project-id</c>, <c>--dremio-cloud-region</c>, the PAT).</summary>
    DremioCloud,

    /// <summary><c>dremio</c>: Dremio Software (<c>--dremio-url</c>, the PAT).</summary>
    DremioSoftware,
}
