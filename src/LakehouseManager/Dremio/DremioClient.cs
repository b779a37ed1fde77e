using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LakehouseManager.Http;
using Polly;

namespace LakehouseManager.Dremio;

/// <summary>
/// Dremio's SQL and job REST calls (api-facts B.2, B.3) over one <see cref="HttpClient"/>, through the shared
/// <see cref="HttpResilience"/> pipeline, authenticated with <c>Authorization: Bearer &lt;PAT&gt;</c>.
/// Thread-safe; dispose it when done.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed partial class DremioClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly BearerToken _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;

    /// <param name="endpoint">Where Dremio is (see <see cref="DremioEndpoint.Cloud"/>, <see cref="DremioEndpoint.Software"/>).</param>
    /// <param name="token">The personal access token.</param>
    /// <param name="handler">
    /// The HTTP handler; tests pass one that routes the real hosts to a loopback fake. Not disposed by the client.
    /// Null: a handler of the client's own.
    /// </param>
    /// <param name="resilience">The retry/timeout pipeline; null: <see cref="HttpResilience.Shared"/>.</param>
    public DremioClient(
        DremioEndpoint endpoint,
        BearerToken token,
        HttpMessageHandler? handler = null,
        ResiliencePipeline<HttpResponseMessage>? resilience = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _token = token ?? throw new ArgumentNullException(nameof(token));
        _resilience = resilience ?? HttpResilience.Shared;
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        // The resilience pipeline owns every timeout; HttpClient's own 100 s default would cut across it.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public DremioEndpoint Endpoint { get; }

    /// <summary>
    /// <c>POST sql</c>: submits a query and returns the job id. For Dremio Cloud a fresh <c>requestId</c> is added (unless
    /// the request has one) and reused by every retry, so a retried submission never starts a second job.
    /// </summary>
    public async Task<string> SubmitSqlAsync(DremioSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Why the submission may be retried: Dremio Cloud deduplicates POSTs that carry the same requestId (api-facts
        // B.1), so a lost response or a 5xx can be retried safely. Dremio Software documents no such key, so there a
        // submission is retried only when it surely was not processed (connection not opened, 429): a blind retry
        // after a timeout could run the query twice.
        var safety = RetrySafety.OnlyIfNotProcessed;
        if (Endpoint.SupportsRequestId)
        {
            request = request with { RequestId = request.RequestId ?? Guid.NewGuid() };
            safety = RetrySafety.SafeToRepeat;
        }

        using var document = await SendAsync(HttpMethod.Post, Endpoint.Sql, request.WriteTo, safety, cancellationToken)
            .ConfigureAwait(false);
        return Read(HttpMethod.Post, Endpoint.Sql, document, json => JsonFields.RequireString(json, "id"));
    }

    /// <summary>
    /// <c>GET job/{id}</c>: the job's state, row count and error. The error is the server's text, which may quote the
    /// token (a rejected credential): it is masked here, before any report can cut it in half where no mask finds it.
    /// </summary>
    public async Task<DremioJobStatus> GetJobStatusAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var uri = Endpoint.Job(jobId);
        using var document = await SendAsync(HttpMethod.Get, uri, null, RetrySafety.SafeToRepeat, cancellationToken)
            .ConfigureAwait(false);
        var status = Read(HttpMethod.Get, uri, document, DremioJobStatus.Parse);
        return status.ErrorMessage is { } error ? status with { ErrorMessage = _token.Redact(error) } : status;
    }

    /// <summary>
    /// <c>GET job/{id}/results?offset=&amp;limit=</c>: a page of a COMPLETED job's rows; <paramref name="limit"/> is
    /// 1 to <see cref="DremioJobResults.MaxLimit"/> (500).
    /// </summary>
    public async Task<DremioJobResults> GetJobResultsAsync(
        string jobId, long offset = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, DremioJobResults.MaxLimit);
        var uri = Endpoint.JobResults(jobId, offset, limit);
        using var document = await SendAsync(HttpMethod.Get, uri, null, RetrySafety.SafeToRepeat, cancellationToken)
            .ConfigureAwait(false);
        return Read(HttpMethod.Get, uri, document, DremioJobResults.Parse);
    }

    /// <summary><c>POST job/{id}/cancel</c>: asks Dremio to cancel a running job (repeating it is harmless).</summary>
    public async Task CancelJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(
            HttpMethod.Post, Endpoint.JobCancel(jobId), null, RetrySafety.SafeToRepeat, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one API call and returns its JSON body (null when empty), or throws <see cref="DremioException"/>. The
    /// building block for further endpoints (e.g. <c>catalog/by-path</c>).
    /// </summary>
    internal async Task<JsonDocument?> SendAsync(
        HttpMethod method,
        Uri uri,
        Action<Utf8JsonWriter>? writeBody,
        RetrySafety safety,
        CancellationToken cancellationToken)
    {
        var body = writeBody is null ? null : JsonRequest.Serialize(writeBody);
        var response = await _http.SendOrExplainAsync(
            () => JsonRequest.Create(method, uri, body, _token),
            _resilience,
            safety,
            refusedForNow: null,
            timedOut: e => new DremioException(
                $"{Endpoint.Description} did not answer {method} {uri.GetLeftPart(UriPartial.Path)} within " +
                $"{e.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                innerException: e),
            unreachable: e => new DremioException(
                $"Could not reach {Endpoint.Description} for {method} {uri.GetLeftPart(UriPartial.Path)}: " +
                $"{_token.Redact(e.Message)}",
                innerException: e),
            cancellationToken).ConfigureAwait(false);

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw DremioErrors.FromResponse(
                    response.StatusCode, response.ReasonPhrase, text, method.Method, uri, _token);
            }

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
                throw Unexpected(method, uri, "the body is not JSON", e);
            }
        }
    }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"DremioClient({Endpoint.Description}, {Endpoint.BaseUri})";

    public void Dispose() => _http.Dispose();

    private T Read<T>(HttpMethod method, Uri uri, JsonDocument? document, Func<JsonElement, T> parse)
    {
        if (document is null)
        {
            throw Unexpected(method, uri, "the body is empty", null);
        }

        try
        {
            return parse(document.RootElement);
        }
        catch (FormatException e)
        {
            throw Unexpected(method, uri, e.Message, e);
        }
    }

    private DremioException Unexpected(HttpMethod method, Uri uri, string problem, Exception? inner) =>
        new($"{Endpoint.Description} sent an unexpected answer to {method} {uri.GetLeftPart(UriPartial.Path)}: {problem}.",
            innerException: inner);
}
