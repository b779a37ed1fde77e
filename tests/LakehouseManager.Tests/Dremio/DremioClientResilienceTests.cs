using System.Net;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>
/// Retries and timeouts over real HTTP, on a fake clock shared by the client and the fake: the clock moves by exactly
/// each wait the client starts, so every delay is asserted to the tick and no test waits for real time.
/// </summary>
public sealed class DremioClientResilienceTests : IAsyncLifetime
{
    private readonly WaitingClock _clock = new();
    private DremioFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await DremioFake.StartAsync(new DremioFakeOptions { TimeProvider = _clock });
        _fake.OnSql("SELECT 1", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("one", "INTEGER", 1)));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 10_000)]
    public async Task Service_unavailable_answers_are_retried_after_each_backoff_until_dremio_answers()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.FailNextRequests(2, HttpStatusCode.ServiceUnavailable);

        var call = client.GetJobStatusAsync(jobId);
        var backoffs = await _clock.RunAsync(call);
        var status = await call;

        var calls = _fake.To("GET", $"job/{jobId}");
        Assert.Equal(DremioJobState.Completed, status.State);
        Assert.Equal([503, 503, 200], calls.Select(r => r.StatusCode));
        Assert.Equal(backoffs, Gaps(calls));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_429_is_retried_exactly_when_retry_after_asks()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3));

        var call = client.GetJobStatusAsync(jobId);
        var waits = await _clock.RunAsync(call);
        await call;

        // The backoff alone would retry after about 200 ms; Retry-After asked for 3 s.
        var calls = _fake.To("GET", $"job/{jobId}");
        Assert.Equal([429, 200], calls.Select(r => r.StatusCode));
        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
        Assert.Equal([TimeSpan.FromSeconds(3)], Gaps(calls));
    }

    [Fact(Timeout = 10_000)]
    public async Task Retries_stop_after_the_last_attempt_with_dremios_status()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock, maxRetryAttempts: 2));
        _fake.FailNextRequests(10, HttpStatusCode.BadGateway);

        var call = client.GetJobStatusAsync("some-job");
        var backoffs = await _clock.RunAsync(call);
        var error = await Assert.ThrowsAsync<DremioException>(() => call);

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, _fake.Requests.Count);
        Assert.Equal(backoffs, Gaps(_fake.Requests));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_attempt_that_stalls_is_abandoned_exactly_at_its_timeout_and_retried()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.StallNextRequests(1, TimeSpan.FromMinutes(10));

        var call = client.GetJobStatusAsync(jobId);
        var stall = await _clock.NextWaitAsync(call);
        _clock.Advance(DremioTestKit.AttemptTimeout);
        var backoff = await _clock.NextWaitAsync(call);
        _clock.Advance(backoff!.Value);
        var status = await call;

        var calls = _fake.To("GET", $"job/{jobId}");
        Assert.Equal(TimeSpan.FromMinutes(10), stall);
        Assert.Equal(DremioJobState.Completed, status.State);
        Assert.Equal([DremioTestKit.AttemptTimeout + backoff.Value], Gaps(calls));
    }

    [Fact(Timeout = 10_000)]
    public async Task Cancelling_the_token_stops_the_retries_during_the_backoff_it_falls_in()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock, maxRetryAttempts: 50));
        _fake.FailNextRequests(100, HttpStatusCode.ServiceUnavailable);
        var cancelAt = TimeSpan.FromSeconds(2);
        using var cancellation = new CancellationTokenSource(cancelAt, _clock);

        var call = client.GetJobStatusAsync("some-job", cancellation.Token);
        var backoffs = await _clock.RunAsync(call);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // Every backoff but the last ended before the cancellation, and each was followed by a request.
        Assert.Equal(backoffs.Count, _fake.Requests.Count);
        Assert.True(Sum(backoffs.SkipLast(1)) < cancelAt);
        Assert.True(Sum(backoffs) >= cancelAt);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cloud_submission_whose_answer_was_lost_is_retried_with_the_same_request_id_and_runs_once()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequestsAfterProcessing(1, HttpStatusCode.GatewayTimeout);

        var call = client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        var backoffs = await _clock.RunAsync(call);
        var jobId = await call;

        var posts = _fake.To("POST", "sql");
        Assert.Equal([504, 200], posts.Select(r => r.StatusCode));
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(jobId, Assert.Single(_fake.Jobs).Id);
        Assert.Equal(backoffs, Gaps(posts));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_software_submission_is_not_repeated_after_a_5xx_because_it_may_have_run()
    {
        using var client = DremioTestKit.SoftwareClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequests(1, HttpStatusCode.ServiceUnavailable);

        var call = client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        var waits = await _clock.RunAsync(call);
        var error = await Assert.ThrowsAsync<DremioException>(() => call);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_fake.Requests);
        Assert.Empty(waits);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_software_submission_refused_with_429_is_retried_when_retry_after_asks()
    {
        using var client = DremioTestKit.SoftwareClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));

        var call = client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        var waits = await _clock.RunAsync(call);
        var jobId = await call;

        var posts = _fake.To("POST", "sql");
        Assert.Equal([429, 200], posts.Select(r => r.StatusCode));
        Assert.Equal(jobId, Assert.Single(_fake.Jobs).Id);
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        Assert.Equal([TimeSpan.FromSeconds(1)], Gaps(posts));
    }

    /// <summary>The time between each request and the next, on the fake's clock.</summary>
    private static List<TimeSpan> Gaps(IReadOnlyList<DremioFakeRequest> requests) =>
        [.. requests.Zip(requests.Skip(1), (first, second) => second.At - first.At)];

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}
