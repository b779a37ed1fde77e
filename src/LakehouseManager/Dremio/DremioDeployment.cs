namespace LakehouseManager.Dremio;

/// <summary>Which Dremio a client talks to.</summary>
internal enum DremioDeployment
{
    /// <summary>Dremio Cloud, US control plane (<c>api.dremio.cloud</c>).</summary>
    CloudUs,

    /// <summary>Dremio Cloud, EMEA control plane (<c>api.eu.dremio.cloud</c>).</summary>
    CloudEmea,

    /// <summary>Dremio Software (self-hosted, <c>/api/v3/</c>).</summary>
    Software,
}
