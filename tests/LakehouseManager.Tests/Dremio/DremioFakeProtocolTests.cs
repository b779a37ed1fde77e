using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LakehouseManager.Fakes.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>The fake answers as api-facts §B says Dremio does; raw HTTP, no client of ours in between.</summary>
public sealed class DremioFakeProtocolTests : IAsyncLifetime
{
    private DremioFake _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await DremioFake.StartAsync(new DremioFakeOptions { JobLatency = TimeSpan.FromMinutes(10) });
        _fake.OnSql("SELECT 1", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("EXPR$0", "INTEGER", 1)).After(TimeSpan.Zero));
        _http = new HttpClient(_fake.CreateHandler()) { BaseAddress = new Uri(_fake.BaseAddress, "api/v3/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Pat);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_submission_answers_the_job_id_and_the_job_starts_in_planning()
    {
        var id = await SubmitAsync("SELECT slow");

        var status = await GetJsonAsync($"job/{id}");

        Assert.Equal("PLANNING", status.GetProperty("jobState").GetString());
        Assert.Equal(0, status.GetProperty("rowCount").GetInt64());
        Assert.Equal("REST", status.GetProperty("queryType").GetString());
    }

    [Fact(Timeout = 10_000)]
    public async Task Results_default_to_100_rows_from_offset_0()
    {
        _fake.OnSql("SELECT n", DremioFakeOutcome.Rows(
            DremioFakeResult.Generate([new DremioFakeColumn("n", "BIGINT")], 250, i => [i])).After(TimeSpan.Zero));
        var id = await SubmitAsync("SELECT n");

        var page = await GetJsonAsync($"job/{id}/results");

        Assert.Equal(250, page.GetProperty("rowCount").GetInt64());
        Assert.Equal(100, page.GetProperty("rows").GetArrayLength());
        Assert.Equal("BIGINT", page.GetProperty("schema")[0].GetProperty("type").GetProperty("name").GetString());
    }

    [Fact(Timeout = 10_000)]
    public async Task A_limit_over_500_is_refused()
    {
        var id = await SubmitAsync("SELECT 1");

        await AssertErrorAsync(_http.GetAsync($"job/{id}/results?offset=0&limit=501"), HttpStatusCode.BadRequest, "limit can not exceed 500 rows");
    }

    [Fact(Timeout = 10_000)]
    public async Task Results_of_a_job_that_is_not_completed_are_refused_with_its_state()
    {
        var id = await SubmitAsync("SELECT slow");

        await AssertErrorAsync(
            _http.GetAsync($"job/{id}/results"), HttpStatusCode.BadRequest, "Can not fetch details for a job that is in [PLANNING] state.");
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unknown_job_is_not_found()
    {
        await AssertErrorAsync(_http.GetAsync("job/nope"), HttpStatusCode.NotFound, "Could not find a job with id [nope]");
        await AssertErrorAsync(_http.GetAsync("job/nope/results"), HttpStatusCode.NotFound, "Could not find a job with id [nope]");
        await AssertErrorAsync(_http.PostAsync("job/nope/cancel", null), HttpStatusCode.NotFound, "Could not find a job with id [nope]");
    }

    [Fact(Timeout = 10_000)]
    public async Task Cancelling_a_running_job_answers_204_and_a_finished_one_400()
    {
        var running = await SubmitAsync("SELECT slow");
        var finished = await SubmitAsync("SELECT 1");

        using var cancelled = await _http.PostAsync($"job/{running}/cancel", null);
        var status = await GetJsonAsync($"job/{running}");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal("CANCELED", status.GetProperty("jobState").GetString());
        Assert.Equal($"Query cancelled by user '{new DremioFakeOptions().UserName}'", status.GetProperty("cancellationReason").GetString());
        await AssertErrorAsync(
            _http.PostAsync($"job/{finished}/cancel", null), HttpStatusCode.BadRequest, $"Job {finished} may have completed and cannot be canceled.");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_request_without_the_token_is_unauthorized()
    {
        using var anonymous = new HttpClient(_fake.CreateHandler());

        using var response = await anonymous.GetAsync(new Uri(_fake.BaseAddress, "api/v3/job/x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(_fake.Requests.Single().Authorized);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_injected_failure_carries_retry_after_and_dremios_error_body()
    {
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2));

        using var response = await _http.GetAsync("job/x");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.TryGetProperty("errorMessage", out _));
        Assert.True(body.TryGetProperty("moreInfo", out _));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_same_request_id_gets_the_same_job()
    {
        var first = await SubmitAsync("SELECT 1", requestId: "6a1f0f49-06c5-4c0c-9a8e-0b2b8b0d3c21");
        var second = await SubmitAsync("SELECT 1", requestId: "6a1f0f49-06c5-4c0c-9a8e-0b2b8b0d3c21");

        Assert.Equal(first, second);
        Assert.Single(_fake.Jobs);
    }

    private async Task<string> SubmitAsync(string sql, string? requestId = null)
    {
        using var response = await _http.PostAsJsonAsync("sql", new Dictionary<string, string?> { ["sql"] = sql, ["requestId"] = requestId });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertErrorAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string errorMessage)
    {
        using var response = await call;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(errorMessage, body.GetProperty("errorMessage").GetString());
    }
}
