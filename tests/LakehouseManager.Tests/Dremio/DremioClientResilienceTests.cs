using System.Net;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Tests.Http;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>Retries and timeouts over real HTTP, on a fake clock shared by the client and the fake.</summary>
public sealed class DremioClientResilienceTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private DremioFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await DremioFake.StartAsync(new DremioFakeOptions { TimeProvider = _clock });
        _fake.OnSql("SELECT 1", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("one", "INTEGER", 1)));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 10_000)]
    public async Task Service_unavailable_answers_are_retried_until_dremio_answers()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.FailNextRequests(2, HttpStatusCode.ServiceUnavailable);

        var status = await ClockPump.RunAsync(_clock, client.GetJobStatusAsync(jobId));

        Assert.Equal(DremioJobState.Completed, status.State);
        Assert.Equal([503, 503, 200], _fake.To("GET", $"job/{jobId}").Select(r => r.StatusCode));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_429_is_retried_no_sooner_than_retry_after_asks()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3));

        await ClockPump.RunAsync(_clock, client.GetJobStatusAsync(jobId));

        var calls = _fake.To("GET", $"job/{jobId}");
        Assert.Equal([429, 200], calls.Select(r => r.StatusCode));
        // The backoff alone would retry after about 200 ms; Retry-After asked for 3 s.
        Assert.InRange(calls[1].At - calls[0].At, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
    }

    [Fact(Timeout = 10_000)]
    public async Task Retries_stop_after_the_last_attempt_with_dremios_status()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock, maxRetryAttempts: 2));
        _fake.FailNextRequests(10, HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<DremioException>(
            () => ClockPump.RunAsync(_clock, client.GetJobStatusAsync("some-job")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_attempt_that_stalls_is_abandoned_at_its_timeout_and_retried()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        _fake.StallNextRequests(1, TimeSpan.FromMinutes(10));

        var status = await ClockPump.RunAsync(_clock, client.GetJobStatusAsync(jobId), TimeSpan.FromMilliseconds(250));

        Assert.Equal(DremioJobState.Completed, status.State);
        Assert.Equal(2, _fake.To("GET", $"job/{jobId}").Count);
    }

    [Fact(Timeout = 10_000)]
    public async Task Cancelling_the_token_stops_the_retries()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock, maxRetryAttempts: 50));
        _fake.FailNextRequests(100, HttpStatusCode.ServiceUnavailable);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2), _clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ClockPump.RunAsync(_clock, client.GetJobStatusAsync("some-job", cancellation.Token)));

        Assert.InRange(_fake.Requests.Count, 1, 10);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cloud_submission_whose_answer_was_lost_is_retried_with_the_same_request_id_and_runs_once()
    {
        using var client = DremioTestKit.CloudClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequestsAfterProcessing(1, HttpStatusCode.GatewayTimeout);

        var jobId = await ClockPump.RunAsync(_clock, client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1")));

        var posts = _fake.To("POST", "sql");
        Assert.Equal([504, 200], posts.Select(r => r.StatusCode));
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(jobId, Assert.Single(_fake.Jobs).Id);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_software_submission_is_not_repeated_after_a_5xx_because_it_may_have_run()
    {
        using var client = DremioTestKit.SoftwareClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequests(1, HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<DremioException>(
            () => ClockPump.RunAsync(_clock, client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(_fake.Requests);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_software_submission_refused_with_429_is_retried()
    {
        using var client = DremioTestKit.SoftwareClient(_fake, resilience: DremioTestKit.Pipeline(_clock));
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));

        var jobId = await ClockPump.RunAsync(_clock, client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1")));

        Assert.Equal([429, 200], _fake.To("POST", "sql").Select(r => r.StatusCode));
        Assert.Equal(jobId, Assert.Single(_fake.Jobs).Id);
    }
}
