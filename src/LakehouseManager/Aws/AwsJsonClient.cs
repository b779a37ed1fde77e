using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using LakehouseManager.Http;
using Polly;

namespace LakehouseManager.Aws;

/// <summary>
/// One AWS service's JSON 1.1 calls (api-facts C.1): <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Op&gt;</c>,
/// <c>Content-Type: application/x-amz-json-1.1</c> and the input as JSON, signed with SigV4 by
/// <see cref="AwsSigningHandler"/>, sent through the shared <see cref="HttpResilience"/> pipeline. Throttling (which
/// JSON 1.1 sends as HTTP 400) is retried like a 429; errors become <see cref="AwsServiceException"/>.
/// Thread-safe; dispose it when done.
/// </summary>
internal sealed class AwsJsonClient : IDisposable
{
    private static readonly MediaTypeHeaderValue s_contentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;

    /// <param name="service">The service called.</param>
    /// <param name="settings">The region and endpoint.</param>
    /// <param name="credentials">The credentials that sign the calls.</param>
    /// <param name="handler">The transport; null: one of the client's own (never following redirects). Not disposed.</param>
    /// <param name="resilience">The retry/timeout pipeline; null: <see cref="HttpResilience.Shared"/>.</param>
    /// <param name="timeProvider">The clock of the signatures; null: the system clock.</param>
    public AwsJsonClient(
        AwsService service,
        AwsSettings settings,
        AwsCredentialSource credentials,
        HttpMessageHandler? handler = null,
        ResiliencePipeline<HttpResponseMessage>? resilience = null,
        TimeProvider? timeProvider = null)
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        Endpoint = settings.EndpointFor(service);
        Region = settings.Region;
        _resilience = resilience ?? HttpResilience.Shared;
        var transport = handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var signing = new AwsSigningHandler(
            credentials, settings.Region, service.SigningName, timeProvider ?? TimeProvider.System, transport);
        // An injected transport belongs to the caller (a test's fake), so the chain is then left undisposed: the
        // signing handler holds nothing of its own.
        _http = new HttpClient(signing, disposeHandler: handler is null)
        {
            // The resilience pipeline owns every timeout; HttpClient's own 100 s default would cut across it.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public AwsService Service { get; }

    /// <summary>The URL the calls are POSTed to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region the calls are signed for.</summary>
    public string Region { get; }

    /// <summary>
    /// Calls the operation of <paramref name="request"/> and parses the output with <paramref name="parse"/>. Throws
    /// <see cref="AwsServiceException"/> for an AWS error, <see cref="AwsException"/> when AWS cannot be reached or
    /// answers oddly, and <see cref="LakehouseException"/> when there are no usable credentials.
    /// </summary>
    public async Task<T> CallAsync<T>(IAwsRequest request, Func<JsonElement, T> parse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parse);
        var operation = request.Operation;
        var body = Serialize(request);
        var response = await _http.SendOrExplainAsync(
            () => CreateRequest(operation, body),
            _resilience,
            request.Safety,
            AwsErrorResponse.IsRefusedForNow,
            timedOut: e => new AwsException(
                $"{Service.Name} at {Endpoint.Authority} did not answer {operation} within " +
                $"{e.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                Service.Name, operation, innerException: e),
            unreachable: e => new AwsException(
                $"Could not reach {Service.Name} at {Endpoint.GetLeftPart(UriPartial.Authority)} for {operation}: {e.Message}",
                Service.Name, operation, innerException: e),
            cancellationToken).ConfigureAwait(false);

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AwsErrorResponse.Parse(response.Headers, text).ToException(Service, operation, response.StatusCode, text);
            }

            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("the body is not a JSON object");
                }

                return parse(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                // The parsers' messages name members, never values: an output may hold a secret.
                var problem = e is JsonException ? "the body is not JSON" : e.Message;
                throw new AwsException(
                    $"{Service.Name} sent an unexpected answer to {operation}: {problem}.", Service.Name, operation);
            }
        }
    }

    public override string ToString() => $"AwsJsonClient({Service.Name}, {Endpoint})";

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage CreateRequest(string operation, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = s_contentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Service.Target(operation));
        request.Headers.UserAgent.ParseAdd("lakehouse-manager");
        return request;
    }

    private static byte[] Serialize(IAwsRequest request) =>
        JsonRequest.Serialize(writer =>
        {
            writer.WriteStartObject();
            request.WriteMembers(writer);
            writer.WriteEndObject();
        });
}
