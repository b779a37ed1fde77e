using Polly;

namespace LakehouseManager.Aws;

/// <summary>
/// How to reach AWS: the region and endpoints, the credentials, and (for tests) the transport, the resilience pipeline
/// and the clock. Every service client is made from one.
/// </summary>
internal sealed record AwsConnection(AwsSettings Settings, AwsCredentialSource Credentials)
{
    /// <summary>The transport, not disposed by the clients; null: each client's own.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The retry/timeout pipeline; null: the shared one.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Resilience { get; init; }

    /// <summary>The clock of the signatures; null: the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>A JSON 1.1 client of <paramref name="service"/>.</summary>
    public AwsJsonClient CreateClient(AwsService service) =>
        new(service, Settings, Credentials, Handler, Resilience, TimeProvider);
}
