using System.Net;
using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>
/// Turns a Dremio error response into a <see cref="DremioException"/>. Dremio's error body is
/// <c>{"errorMessage","moreInfo"}</c> (api-facts B.3, <c>GenericErrorMessage</c>); a gateway may send HTML or nothing.
/// Pure: no I/O.
/// </summary>
internal static class DremioErrors
{
    private const int MaxRawBodyLength = 300;

    /// <summary>The exception for an error status on <paramref name="method"/> <paramref name="uri"/>.</summary>
    public static DremioException FromResponse(
        HttpStatusCode status, string? reasonPhrase, string? body, string method, Uri uri, BearerToken token)
    {
        var (errorMessage, moreInfo) = ParseBody(body);
        errorMessage = errorMessage is null ? null : token.Redact(errorMessage);
        moreInfo = moreInfo is null ? null : token.Redact(moreInfo);
        var call = $"{method} {uri.GetLeftPart(UriPartial.Path)}";
        var httpStatus = $"HTTP {(int)status} {reasonPhrase ?? status.ToString()}";
        var detail = errorMessage is null ? "" : $": {errorMessage}" + (moreInfo is null ? "" : $" ({moreInfo})");

        var message = status switch
        {
            HttpStatusCode.Unauthorized =>
                $"Dremio rejected the personal access token ({httpStatus}) on {call}: the PAT is invalid, expired or " +
                "for another Dremio. Provide a valid one with --dremio-pat or the DREMIO_PAT environment variable.",
            HttpStatusCode.Forbidden =>
                $"Dremio refused {call} ({httpStatus}): the personal access token lacks permission for this project, " +
                $"source or query{detail}",
            _ => $"Dremio answered {call} with {httpStatus}{detail}",
        };

        var raw = errorMessage is null && !string.IsNullOrWhiteSpace(body) ? Shorten(token.Redact(body.Trim())) : null;
        if (raw is not null && status is not HttpStatusCode.Unauthorized)
        {
            message += $": {raw}";
        }

        var fatal = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ||
            HttpResilience.IsTransientStatus(status);
        return new DremioException(message, status, errorMessage, fatal);
    }

    /// <summary>Reads <c>errorMessage</c> and <c>moreInfo</c> from a Dremio error body; nulls when absent or empty.</summary>
    public static (string? ErrorMessage, string? MoreInfo) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (NonEmpty(document.RootElement, "errorMessage"), NonEmpty(document.RootElement, "moreInfo"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? NonEmpty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string Shorten(string text) =>
        text.Length <= MaxRawBodyLength ? text : text[..MaxRawBodyLength] + "...";
}
