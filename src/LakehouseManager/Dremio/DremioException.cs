using System.Net;

namespace LakehouseManager.Dremio;

/// <summary>
/// A Dremio REST call that failed: an error status (with Dremio's <c>errorMessage</c>), an unreachable server, a timeout
/// or an unexpected payload. The message names the call and never contains the personal access token.
/// </summary>
/// <remarks>
/// Fatal when nothing else will work either: the PAT is rejected (401/403), the server is unreachable or keeps failing
/// after retries. A rejected request (400, 404, 409) concerns only that request and is not fatal.
/// </remarks>
internal sealed class DremioException : LakehouseException
{
    public DremioException(
        string message,
        HttpStatusCode? statusCode = null,
        string? errorMessage = null,
        bool isFatal = true,
        Exception? innerException = null)
        : base(message, isFatal, innerException)
    {
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The HTTP status, when Dremio answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Dremio's own <c>errorMessage</c>, when its body had one.</summary>
    public string? ErrorMessage { get; }
}
