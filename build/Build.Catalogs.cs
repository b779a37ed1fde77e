using TargetRunner;

/// <summary>
/// The Nessie-based catalogs (issue 10): where the Nessie API is for <c>--catalog nessie</c>, <c>dremio</c> and
/// <c>dremio-cloud</c>, and the Sql target's Dremio side.
/// </summary>
internal partial class Build
{
    [Parameter("Nessie REST API v2 URL, e.g. http://localhost:19120/api/v2: the catalog of --catalog nessie; for --catalog dremio the Nessie server behind the source (default: the one the source names); for --catalog dremio-cloud instead of the Arctic endpoint")]
    private readonly string? NessieUrl;

    [Parameter("Arctic catalog id, a UUID (--catalog dremio-cloud): the Nessie API is https://nessie.dremio.cloud/repositories/<id>/api/v2, or nessie.eu.dremio.cloud for --dremio-cloud-region eu/emea")]
    private readonly string? CatalogId;

    [Parameter("The catalog's source name in Dremio (--catalog dremio, dremio-cloud) - Default is --repo-name")]
    private readonly string? CatalogName;

    [Parameter("Bearer token of the Nessie server when it is not the Dremio PAT (also NESSIE_TOKEN); never printed - Default is --dremio-pat")]
    [Secret]
    private readonly string? NessieToken;

    [Parameter("How many reads of view SQL run at once (Dremio catalog API calls, SHOW CREATE VIEW jobs, metadata files) - Default is 8")]
    private readonly int ViewSqlParallelism = 8;

    /// <summary>The Sql target on Dremio: the statements at --to-ref (default main) through the SQL API.</summary>
    private async Task RunSqlOnDremioAsync(string sql, CancellationToken cancellationToken)
    {
        var results = await Pipeline.RunDremioSqlAsync(ToRef ?? FromRef, sql, cancellationToken);
        if (results.Count > 0 && !results[^1].Succeeded)
        {
            throw new BuildException($"The statement did not succeed: {results[^1].Statement}");
        }
    }
}
