using System.Text.Json;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// <c>GET /config</c> (NessieConfiguration, api-facts A.5): the default branch and the spec version, which decides the
/// key encoding in URLs.
/// </summary>
internal sealed record NessieConfig(
    string DefaultBranch,
    string? SpecVersion,
    int? MinSupportedApiVersion,
    int? MaxSupportedApiVersion,
    int? ActualApiVersion,
    string? NoAncestorHash)
{
    /// <summary>How keys are written in paths and query parameters for this server.</summary>
    public NessieKeyEncoding KeyEncoding => NessieKeyCodec.EncodingFor(SpecVersion);

    public static NessieConfig Parse(JsonElement json)
    {
        NessieJson.RequireObject(json, "the configuration");
        return new NessieConfig(
            NessieJson.RequireString(json, "defaultBranch"),
            NessieJson.GetString(json, "specVersion"),
            (int?)NessieJson.GetInt64(json, "minSupportedApiVersion"),
            (int?)NessieJson.GetInt64(json, "maxSupportedApiVersion"),
            (int?)NessieJson.GetInt64(json, "actualApiVersion"),
            NessieJson.GetString(json, "noAncestorHash"));
    }
}
