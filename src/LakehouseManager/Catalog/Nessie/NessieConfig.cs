using System.Text.Json;
using LakehouseManager.Http;

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
        JsonFields.RequireObject(json, "the configuration");
        return new NessieConfig(
            JsonFields.RequireString(json, "defaultBranch"),
            JsonFields.GetString(json, "specVersion"),
            (int?)JsonFields.GetInt64(json, "minSupportedApiVersion"),
            (int?)JsonFields.GetInt64(json, "maxSupportedApiVersion"),
            (int?)JsonFields.GetInt64(json, "actualApiVersion"),
            JsonFields.GetString(json, "noAncestorHash"));
    }
}
