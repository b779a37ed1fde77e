using System.Text.Json;
using LakehouseManager.Aws;
using LakehouseManager.Http;
using LakehouseManager.Tests.Support;
using Polly;

namespace LakehouseManager.Tests.Aws;

/// <summary>Shared helpers of the AWS tests.</summary>
internal static class AwsTestKit
{
    /// <summary>A resilience pipeline on a manual clock (drive it with <see cref="WaitingClock"/>).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeProvider clock, int maxRetryAttempts = 3) =>
        HttpResilience.Create(
            new HttpResilienceOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                OverallTimeout = TimeSpan.FromMinutes(5),
            },
            clock);

    /// <summary>A pipeline with one retry after 1 ms (Polly needs at least one), for errors that should surface at once.</summary>
    public static ResiliencePipeline<HttpResponseMessage> OneQuickRetry { get; } = HttpResilience.Create(
        new HttpResilienceOptions
        {
            MaxRetryAttempts = 1,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            OverallTimeout = TimeSpan.FromSeconds(30),
        },
        TimeProvider.System);
}

/// <summary>Forwards to the loopback and keeps a copy of every request (headers and body) it sent.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A call the product does not make (setting up moto's state): the operation and its input as JSON text.</summary>
internal sealed record RawAwsRequest(string Operation, string Json) : IAwsRequest
{
    public RetrySafety Safety => RetrySafety.OnlyIfNotProcessed;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(Json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }
    }
}
