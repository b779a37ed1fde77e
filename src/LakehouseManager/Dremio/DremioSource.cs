using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>
/// A source from Dremio's catalog API (<c>GET catalog/by-path/{name}</c>: <c>{"entityType":"source","type":"NESSIE",
/// "name":...,"config":{...}}</c>). For a Nessie source (dremio-oss <c>NessiePluginConfig</c>, type <c>NESSIE</c>) the
/// configuration names the Nessie server: <c>config.nessieEndpoint</c>.
/// </summary>
internal sealed record DremioSource(string Name, string? Type, string? NessieEndpoint)
{
    /// <summary>The source type of Nessie sources.</summary>
    public const string NessieType = "NESSIE";

    public bool IsNessie => string.Equals(Type, NessieType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A catalog object that is a source, or null when it is something else (a folder, a dataset).</summary>
    public static DremioSource? Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "a catalog object");
        if (!string.Equals(JsonFields.GetString(json, "entityType"), "source", StringComparison.Ordinal))
        {
            return null;
        }

        var config = json.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        return new DremioSource(
            JsonFields.GetString(json, "name") ?? "",
            JsonFields.GetString(json, "type"),
            config is { } settings ? JsonFields.GetString(settings, "nessieEndpoint") : null);
    }
}
