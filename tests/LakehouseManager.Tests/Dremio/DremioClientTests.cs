using System.Net;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioClientTests : IAsyncLifetime
{
    private DremioFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await DremioFake.StartAsync();
        _fake.OnSql("SELECT 1", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("one", "INTEGER", 1)));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Theory(Timeout = 10_000)]
    [InlineData("eu", "api.eu.dremio.cloud")]
    [InlineData("EU", "api.eu.dremio.cloud")]
    [InlineData("emea", "api.eu.dremio.cloud")]
    [InlineData("EMEA", "api.eu.dremio.cloud")]
    [InlineData("us", "api.dremio.cloud")]
    [InlineData("", "api.dremio.cloud")]
    [InlineData("eu-central-1", "api.dremio.cloud")]
    public async Task The_region_chooses_the_control_plane_host_on_the_wire(string region, string host)
    {
        using var client = DremioTestKit.CloudClient(_fake, region);

        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));
        await client.GetJobStatusAsync(jobId);

        Assert.All(_fake.Requests, r => Assert.Equal(host, r.Host));
        Assert.Equal(
            [$"/v0/projects/{_fake.ProjectId}/sql", $"/v0/projects/{_fake.ProjectId}/job/{jobId}"],
            _fake.Requests.Select(r => r.Path));
    }

    [Fact(Timeout = 10_000)]
    public async Task Dremio_Software_is_called_under_api_v3_without_an_idempotency_key()
    {
        using var client = DremioTestKit.SoftwareClient(_fake);

        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));

        Assert.Equal("/api/v3/sql", _fake.Requests.Single().Path);
        Assert.Equal($"127.0.0.1:{_fake.BaseAddress.Port}", _fake.Requests.Single().Host);
        Assert.Null(_fake.Job(jobId).Submission.RequestId);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_submission_sends_the_sql_context_and_references_with_the_token()
    {
        using var client = DremioTestKit.CloudClient(_fake);
        var request = DremioSqlRequest.AtBranch("SELECT 1", "lake", "dev") with { Context = ["lake", "marts"] };

        var jobId = await client.SubmitSqlAsync(request);

        var submission = _fake.Submissions.Single();
        Assert.Equal(jobId, submission.JobId);
        Assert.Equal("SELECT 1", submission.Sql);
        Assert.Equal(["lake", "marts"], submission.Context);
        Assert.Equal(new DremioFakeReference("BRANCH", "dev"), Assert.Single(submission.References, r => r.Key == "lake").Value);
        Assert.True(Guid.TryParse(submission.RequestId, out _), "Dremio Cloud submissions carry a requestId.");
        Assert.True(_fake.Requests.Single().Authorized);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_completed_job_reports_its_state_and_row_count_and_serves_its_rows()
    {
        using var client = DremioTestKit.CloudClient(_fake);
        var jobId = await client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1"));

        var status = await client.GetJobStatusAsync(jobId);
        var results = await client.GetJobResultsAsync(jobId, 0, 500);

        Assert.Equal(DremioJobState.Completed, status.State);
        Assert.Equal(1, status.RowCount);
        Assert.Equal([new DremioColumn("one", "INTEGER")], results.Schema);
        Assert.Equal<object?>([1L], Assert.Single(results.Rows));
    }

    [Fact(Timeout = 10_000)]
    public async Task Dremios_error_message_is_reported_with_the_status()
    {
        using var client = DremioTestKit.CloudClient(_fake);

        var error = await Assert.ThrowsAsync<DremioException>(() => client.GetJobStatusAsync("no-such-job"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Could not find a job with id [no-such-job]", error.ErrorMessage);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not find a job with id [no-such-job]", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsFatal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_page_larger_than_500_rows_is_refused_before_calling_dremio()
    {
        using var client = DremioTestKit.CloudClient(_fake);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetJobResultsAsync("any", 0, 501));
        Assert.Empty(_fake.Requests);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_wrong_token_gets_a_401_message_that_does_not_show_it()
    {
        const string WrongPat = "wrong-pat-7HqS2LEAK";
        using var client = DremioTestKit.CloudClient(_fake, pat: WrongPat);

        var error = await Assert.ThrowsAsync<DremioException>(() => client.SubmitSqlAsync(new DremioSqlRequest("SELECT 1")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("personal access token", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsFatal);
        Assert.DoesNotContain(WrongPat, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPat, client.ToString(), StringComparison.Ordinal);
        Assert.False(_fake.Requests.Single().Authorized);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unreachable_dremio_is_a_clear_error()
    {
        var port = _fake.BaseAddress.Port;
        await _fake.DisposeAsync();
        _fake = await DremioFake.StartAsync();
        using var client = new DremioClient(
            DremioEndpoint.Software($"http://127.0.0.1:{port}"),
            new LakehouseManager.Http.BearerToken("pat-unreachable-LEAK"),
            resilience: Polly.ResiliencePipeline<HttpResponseMessage>.Empty);

        var error = await Assert.ThrowsAsync<DremioException>(() => client.GetJobStatusAsync("x"));

        Assert.StartsWith($"Could not reach Dremio Software at 127.0.0.1:{port} for GET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pat-unreachable-LEAK", error.ToString(), StringComparison.Ordinal);
    }
}
