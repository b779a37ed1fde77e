using System.Net;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// Maps a Nessie error answer to a <see cref="CatalogException"/>: the body's <c>errorCode</c> first (api-facts A.6),
/// the HTTP status when there is no Nessie body (a plain 401 from the authentication layer, a gateway's 502). The
/// message names what the call was about and never holds the token. Pure.
/// </summary>
internal static class NessieErrors
{
    private const int MaxRawBodyLength = 300;

    /// <summary>The kind for an <c>errorCode</c> (<c>ErrorCode.java</c>), or null for UNKNOWN and codes this client does not know.</summary>
    public static CatalogErrorKind? KindOf(string? errorCode) => errorCode switch
    {
        "REFERENCE_NOT_FOUND" or "CONTENT_NOT_FOUND" or "NAMESPACE_NOT_FOUND" => CatalogErrorKind.NotFound,
        "REFERENCE_ALREADY_EXISTS" or "NAMESPACE_ALREADY_EXISTS" => CatalogErrorKind.AlreadyExists,
        "REFERENCE_CONFLICT" or "NAMESPACE_NOT_EMPTY" => CatalogErrorKind.Conflict,
        "BAD_REQUEST" or "UNSUPPORTED_MEDIA_TYPE" => CatalogErrorKind.BadRequest,
        "FORBIDDEN" => CatalogErrorKind.Forbidden,
        "TOO_MANY_REQUESTS" => CatalogErrorKind.TooManyRequests,
        "SERVICE_UNAVAILABLE" => CatalogErrorKind.Unavailable,
        // UNKNOWN (and a code this client does not know) says nothing more than the status does.
        _ => null,
    };

    /// <summary>The kind for a status without a Nessie error code.</summary>
    public static CatalogErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 => CatalogErrorKind.Unauthorized,
        403 => CatalogErrorKind.Forbidden,
        404 => CatalogErrorKind.NotFound,
        409 => CatalogErrorKind.Conflict,
        429 => CatalogErrorKind.TooManyRequests,
        >= 500 => CatalogErrorKind.Unavailable,
        _ => CatalogErrorKind.BadRequest,
    };

    /// <summary>
    /// The exception for an error answer to the call about <paramref name="subject"/> (e.g. "reference 'dev'",
    /// "the merge of 'dev' into 'main'"), on the server <paramref name="server"/>.
    /// </summary>
    public static CatalogException FromResponse(
        HttpStatusCode status, string? reasonPhrase, string? body, string server, string subject, BearerToken? token)
    {
        var error = NessieError.TryParse(body);
        var kind = (int)status == 401 ? CatalogErrorKind.Unauthorized : KindOf(error?.ErrorCode) ?? KindOf(status);
        var httpStatus = $"HTTP {(int)status} {reasonPhrase ?? error?.Reason ?? status.ToString()}";
        var code = error?.ErrorCode is { } c ? $"{c}, {httpStatus}" : httpStatus;
        var detail = Redact(error?.Message, token)?.TrimEnd('.') is { Length: > 0 } m
            ? m
            : Redact(body?.Trim(), token) is { Length: > 0 } raw && error is null ? Shorten(raw) : null;
        var because = detail is null ? "" : $": {detail}";
        var conflicts = error?.Conflicts.Count > 0
            ? " Conflicts: " + string.Join("; ", error.Conflicts.Select(x =>
                $"{x.ConflictType}{(x.Key is null ? "" : $" on {x.Key}")}{(x.Message.Length == 0 ? "" : $" ({Redact(x.Message, token)})")}")) + "."
            : "";

        var message = kind switch
        {
            CatalogErrorKind.Unauthorized =>
                $"{server} rejected the token ({httpStatus}) for {subject}: it is missing, invalid or expired. " +
                "Provide a valid personal access token with --dremio-pat or the DREMIO_PAT environment variable (a Nessie " +
                "server with a token of its own: --nessie-token or NESSIE_TOKEN).",
            CatalogErrorKind.Forbidden =>
                $"{server} refused {subject} ({code}): the token is valid but may not do this{because}.",
            CatalogErrorKind.NotFound => $"{server} could not find {subject} ({code}){because}.",
            CatalogErrorKind.AlreadyExists => $"{server} refused {subject} because it already exists ({code}){because}.",
            CatalogErrorKind.Conflict => $"{server} reported a conflict for {subject} ({code}){because}.{conflicts}",
            CatalogErrorKind.TooManyRequests =>
                $"{server} kept asking to slow down ({code}) for {subject}, after the retries{because}.",
            CatalogErrorKind.Unavailable => $"{server} failed on {subject} ({code}), after the retries{because}.",
            _ => $"{server} refused {subject} as a bad request ({code}){because}.",
        };

        return new CatalogException(kind, message);
    }

    private static string? Redact(string? text, BearerToken? token) =>
        text is null || token is null ? text : token.Redact(text);

    private static string Shorten(string text) =>
        text.Length <= MaxRawBodyLength ? text : text[..MaxRawBodyLength] + "...";
}
