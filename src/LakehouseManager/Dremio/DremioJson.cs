using System.Globalization;
using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>What only Dremio payloads need beyond <see cref="JsonFields"/>: instants written two ways.</summary>
internal static class DremioJson
{
    /// <summary>Dremio writes instants as ISO-8601 strings (<c>@JsonISODateTime</c>); tolerate epoch milliseconds.</summary>
    public static DateTimeOffset? GetInstant(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when DateTimeOffset.TryParse(
                value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
            JsonValueKind.Number when value.TryGetInt64(out var millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis),
            _ => null,
        };
    }
}
