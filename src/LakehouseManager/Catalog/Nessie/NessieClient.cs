using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using LakehouseManager.Http;
using Polly;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// A Nessie REST API v2 client (api-facts §A), after DiscordChatExporter's: one <see cref="HttpClient"/>, one private
/// send through the shared <see cref="HttpResilience"/> pipeline, paged endpoints as <see cref="IAsyncEnumerable{T}"/>,
/// payloads as records. Errors are <see cref="CatalogException"/>s whose kind follows Nessie's <c>errorCode</c>.
/// Thread-safe; dispose it when done.
/// </summary>
/// <remarks>
/// Reads (GETs, the bulk contents POST) are retried on 429, 5xx, resets and attempt timeouts. Writes (commit, merge,
/// create, delete) are retried only when they surely were not processed (429, connection not opened): every write
/// carries the expected hash, so a blind retry after a lost answer would report a conflict with itself.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed partial class NessieClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly BearerToken? _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly NessieKeyEncoding? _keyEncoding;
    private NessieConfig? _config;

    /// <param name="endpoint">Where the API is (see <see cref="NessieEndpoint"/>).</param>
    /// <param name="token">The bearer token (a Dremio PAT for Arctic); null for a server without authentication.</param>
    /// <param name="handler">The HTTP handler (tests route to a loopback fake); not disposed. Null: the client's own.</param>
    /// <param name="resilience">The retry/timeout pipeline; null: <see cref="HttpResilience.Shared"/>.</param>
    /// <param name="keyEncoding">Forces a key encoding; null: chosen from the server's <c>specVersion</c>.</param>
    public NessieClient(
        NessieEndpoint endpoint,
        BearerToken? token,
        HttpMessageHandler? handler = null,
        ResiliencePipeline<HttpResponseMessage>? resilience = null,
        NessieKeyEncoding? keyEncoding = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _token = token;
        _resilience = resilience ?? HttpResilience.Shared;
        _keyEncoding = keyEncoding;
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        // The resilience pipeline owns every timeout; HttpClient's own 100 s default would cut across it.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public NessieEndpoint Endpoint { get; }

    /// <summary>
    /// <c>GET config</c>: the default branch and spec version. Fetched once and remembered (it decides the key
    /// encoding of later calls); a failed fetch is not remembered.
    /// </summary>
    public async Task<NessieConfig> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        if (_config is { } known)
        {
            return known;
        }

        using var document = await SendAsync(HttpMethod.Get, "config", null, RetrySafety.SafeToRepeat,
            "the server configuration", cancellationToken).ConfigureAwait(false);
        var config = Read(document, "the server configuration", NessieConfig.Parse);
        _config = config;
        return config;
    }

    /// <summary>The key encoding for paths and query parameters: forced, or from the server's spec version.</summary>
    public async Task<NessieKeyEncoding> GetKeyEncodingAsync(CancellationToken cancellationToken = default) =>
        _keyEncoding ?? (await GetConfigAsync(cancellationToken).ConfigureAwait(false)).KeyEncoding;

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"NessieClient({Endpoint.Description}, {Endpoint.BaseUri})";

    public void Dispose() => _http.Dispose();

    /// <summary>Sends one call and returns its JSON body (null when empty), or throws <see cref="CatalogException"/>.</summary>
    private async Task<JsonDocument?> SendAsync(
        HttpMethod method,
        string relativePath,
        Action<Utf8JsonWriter>? writeBody,
        RetrySafety safety,
        string subject,
        CancellationToken cancellationToken)
    {
        var (status, reason, text) = await SendRawAsync(method, relativePath, writeBody, safety, subject, cancellationToken)
            .ConfigureAwait(false);
        if ((int)status is < 200 or > 299)
        {
            throw NessieErrors.FromResponse(status, reason, text, Endpoint.Description, subject, _token);
        }

        return ParseBody(text, subject);
    }

    /// <summary>Sends one call and returns the status and body text whatever the status; throws only when no answer came.</summary>
    private async Task<(HttpStatusCode Status, string? Reason, string Text)> SendRawAsync(
        HttpMethod method,
        string relativePath,
        Action<Utf8JsonWriter>? writeBody,
        RetrySafety safety,
        string subject,
        CancellationToken cancellationToken)
    {
        var uri = Endpoint.Resolve(relativePath);
        var body = writeBody is null ? null : JsonRequest.Serialize(writeBody);
        var response = await _http.SendOrExplainAsync(
            () => JsonRequest.Create(method, uri, body, _token),
            _resilience,
            safety,
            refusedForNow: null,
            timedOut: e => new CatalogException(
                CatalogErrorKind.Unavailable,
                $"{Endpoint.Description} did not answer about {subject} within " +
                $"{e.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                e),
            unreachable: e => new CatalogException(
                CatalogErrorKind.Unavailable,
                $"Could not reach {Endpoint.Description} about {subject}: {Redact(e.Message)}",
                e),
            cancellationToken).ConfigureAwait(false);

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, response.ReasonPhrase, text);
        }
    }

    private JsonDocument? ParseBody(string text, string subject)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Unexpected(subject, "the body is not JSON", e);
        }
    }

    private T Read<T>(JsonDocument? document, string subject, Func<JsonElement, T> parse)
    {
        if (document is null)
        {
            throw Unexpected(subject, "the body is empty", null);
        }

        try
        {
            return parse(document.RootElement);
        }
        catch (FormatException e)
        {
            throw Unexpected(subject, e.Message, e);
        }
    }

    private CatalogException Unexpected(string subject, string problem, Exception? inner) =>
        new(CatalogErrorKind.Unavailable,
            $"{Endpoint.Description} sent an unexpected answer about {subject}: {problem}.", inner);

    private string Redact(string text) => _token is null ? text : _token.Redact(text);
}
