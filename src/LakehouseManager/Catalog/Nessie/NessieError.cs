using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// Nessie's error body (<c>NessieError.java</c>, api-facts A.6):
/// <c>{"status","reason","message","errorCode","errorDetails"?:{"type":"REFERENCE_CONFLICTS","conflicts":[...]}}</c>.
/// </summary>
internal sealed record NessieError(int? Status, string? Reason, string? Message, string? ErrorCode, IReadOnlyList<NessieConflict> Conflicts)
{
    /// <summary>The body as an error, or null when it is not Nessie's error JSON (a gateway's HTML, nothing).</summary>
    public static NessieError? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object ||
                (!json.TryGetProperty("errorCode", out _) && !json.TryGetProperty("message", out _)))
            {
                return null;
            }

            var conflicts = JsonFields.GetObject(json, "errorDetails") is { } details
                ? NessieJson.GetArray(details, "conflicts").Select(NessieConflict.Parse).ToList()
                : [];
            return new NessieError(
                (int?)JsonFields.GetInt64(json, "status"),
                JsonFields.GetString(json, "reason"),
                JsonFields.GetString(json, "message"),
                JsonFields.GetString(json, "errorCode"),
                conflicts);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }
}
