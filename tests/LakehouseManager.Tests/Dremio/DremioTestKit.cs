using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Http;
using Polly;

namespace LakehouseManager.Tests.Dremio;

/// <summary>Clients and engines wired to a <see cref="DremioFake"/>.</summary>
internal static class DremioTestKit
{
    /// <summary>Polling fast enough for tests on the real clock.</summary>
    public static DremioQueryEngineOptions FastPolling { get; } = new()
    {
        FirstPollDelay = TimeSpan.FromMilliseconds(5),
        MaxPollDelay = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>A Dremio Cloud client whose requests go to the fake (the real host stays in the Host header).</summary>
    public static DremioClient CloudClient(
        DremioFake fake, string? region = "us", ResiliencePipeline<HttpResponseMessage>? resilience = null, string? pat = null) =>
        new(DremioEndpoint.Cloud(fake.ProjectId, region), new BearerToken(pat ?? fake.Pat), fake.CreateHandler(), resilience);

    /// <summary>A Dremio Software client at the fake's own URL.</summary>
    public static DremioClient SoftwareClient(
        DremioFake fake, ResiliencePipeline<HttpResponseMessage>? resilience = null, string? pat = null) =>
        new(DremioEndpoint.Software(fake.BaseAddress.ToString()), new BearerToken(pat ?? fake.Pat), fake.CreateHandler(), resilience);

    /// <summary>How long one attempt of <see cref="Pipeline"/> may take.</summary>
    public static TimeSpan AttemptTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>A resilience pipeline on a fake clock.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeProvider clock, int maxRetryAttempts = 3) =>
        HttpResilience.Create(
            new HttpResilienceOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(200),
                AttemptTimeout = AttemptTimeout,
                OverallTimeout = TimeSpan.FromMinutes(1),
            },
            clock);

    /// <summary>The requests to one API path (e.g. <c>sql</c>, <c>job/{id}/results</c>).</summary>
    public static IReadOnlyList<DremioFakeRequest> To(this DremioFake fake, string method, string apiPath) =>
        [.. fake.Requests.Where(r => r.Method == method && r.ApiPath == apiPath)];

    /// <summary>The results calls of a job.</summary>
    public static IReadOnlyList<DremioFakeRequest> ResultsCalls(this DremioFake fake, string jobId) =>
        fake.To("GET", $"job/{jobId}/results");
}
