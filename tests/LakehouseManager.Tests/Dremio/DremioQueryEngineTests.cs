using LakehouseManager.DataTests;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioQueryEngineTests : IAsyncLifetime
{
    private const string Source = "lake";
    private DremioFake _fake = null!;

    public async Task InitializeAsync() => _fake = await DremioFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 10_000)]
    public async Task A_query_pins_the_catalog_source_to_the_branch()
    {
        _fake.OnSql("SELECT COUNT(*) AS n FROM lake.sales.orders", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("n", "BIGINT", 3L)));
        using var client = DremioTestKit.CloudClient(_fake, "emea");
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        await using var cursor = await engine.ExecuteAsync("SELECT COUNT(*) AS n FROM lake.sales.orders", QueryVersion.AtHead("feature/q3"));

        var submission = Assert.Single(_fake.Submissions);
        Assert.Equal("SELECT COUNT(*) AS n FROM lake.sales.orders", submission.Sql);
        Assert.Equal(new DremioFakeReference("BRANCH", "feature/q3"), Assert.Single(submission.References, r => r.Key == Source).Value);
        Assert.Equal("api.eu.dremio.cloud", submission.Host);
        Assert.Equal("Dremio Cloud (EMEA), source 'lake'", engine.Description);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_job_is_polled_every_50_ms_for_the_first_second_then_with_doubling_delays_until_it_completes()
    {
        // PLANNING for 2 s, RUNNING for 2 s, then COMPLETED. The clock moves by exactly each wait the engine starts.
        var clock = new WaitingClock();
        await using var fake = await DremioFake.StartAsync(new DremioFakeOptions { TimeProvider = clock, JobLatency = TimeSpan.FromSeconds(4) });
        fake.OnSql("SELECT 1", DremioFakeOutcome.Rows(DremioFakeResult.Scalar("one", "INTEGER", 1)));
        using var client = DremioTestKit.CloudClient(fake);
        var engine = new DremioQueryEngine(client, Source, new DremioQueryEngineOptions { TimeProvider = clock });

        var run = engine.ExecuteAsync("SELECT 1", QueryVersion.AtHead("dev"));
        var waits = await clock.RunAsync(run);
        await using var cursor = await run;

        // The first poll comes at once; 50 ms apart until a second has passed, then 100, 200, 400, 800, 1600 ms.
        TimeSpan[] expected = [.. Enumerable.Repeat(Ms(50), 20), Ms(100), Ms(200), Ms(400), Ms(800), Ms(1600)];
        var job = Assert.Single(fake.Jobs);
        var polls = fake.To("GET", $"job/{job.Id}").Select(r => r.At - TestClock.Start);
        Assert.Equal(expected, waits);
        Assert.Equal(expected.Prepend(TimeSpan.Zero).Select((_, i) => expected.Take(i).Aggregate(TimeSpan.Zero, (a, b) => a + b)), polls);
        Assert.Equal([.. Enumerable.Repeat("PLANNING", 24), "RUNNING", "COMPLETED"], job.ReportedStates);
        Assert.Equal(["one"], cursor.Columns);
    }

    [Fact(Timeout = 10_000)]
    public async Task Rows_arrive_in_pages_of_500_fetched_only_when_the_reader_gets_there()
    {
        _fake.OnSql("SELECT n FROM big", DremioFakeOutcome.Rows(
            DremioFakeResult.Generate([new DremioFakeColumn("n", "BIGINT")], 1_234, i => [i])));
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        await using var cursor = await engine.ExecuteAsync("SELECT n FROM big", QueryVersion.AtHead("dev"));
        var jobId = Assert.Single(_fake.Jobs).Id;
        var firstTen = await cursor.ReadRowsAsync().Take(10).ToListAsync();
        var callsAfterTen = _fake.ResultsCalls(jobId).Count;
        var all = await cursor.ReadRowsAsync().ToListAsync();

        Assert.Equal(1_234, cursor.TotalRows);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), firstTen.Select(r => (long)r[0]!));
        Assert.Equal(1, callsAfterTen);
        Assert.Equal(Enumerable.Range(0, 1_234).Select(i => (long)i), all.Select(r => (long)r[0]!));
        Assert.Equal(
            ["?offset=0&limit=500", "?offset=500&limit=500", "?offset=1000&limit=500"],
            _fake.ResultsCalls(jobId).Select(r => r.Query));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_million_row_result_reports_its_size_and_reads_only_the_first_page_for_a_few_rows()
    {
        _fake.OnSql("SELECT * FROM huge", DremioFakeOutcome.Rows(
            DremioFakeResult.Generate([new DremioFakeColumn("id", "BIGINT"), new DremioFakeColumn("label", "VARCHAR")], 1_000_000, i => [i, $"row {i}"])));
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        await using var cursor = await engine.ExecuteAsync("SELECT * FROM huge", QueryVersion.AtHead("dev"));
        var firstThree = await cursor.ReadRowsAsync().Take(3).ToListAsync();

        Assert.Equal(1_000_000, cursor.TotalRows);
        Assert.Equal(["id", "label"], cursor.Columns);
        Assert.Equal<object?>([2L, "row 2"], firstThree[2]);
        Assert.Single(_fake.ResultsCalls(Assert.Single(_fake.Jobs).Id));
    }

    [Fact(Timeout = 10_000)]
    public async Task Cells_are_normalised_to_null_bool_long_decimal_double_and_string()
    {
        _fake.OnSql("SELECT mixed", DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
            [new("i", "BIGINT"), new("d", "DECIMAL"), new("f", "DOUBLE"), new("b", "BOOLEAN"), new("s", "VARCHAR"), new("z", "VARCHAR")],
            [42L, 12.50m, 0.1, true, "text", null])));
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        await using var cursor = await engine.ExecuteAsync("SELECT mixed", QueryVersion.AtHead("dev"));
        var row = Assert.Single(await cursor.ReadRowsAsync().ToListAsync());

        Assert.Equal<object?>([42L, 12.50m, 0.1m, true, "text", null], row);
        Assert.Equal("12.50", ((decimal)row[1]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failed_job_raises_a_query_failure_with_dremios_message()
    {
        _fake.OnSql("SELECT * FROM missing", DremioFakeOutcome.Fails("Object 'missing' not found within 'lake'"));
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        var error = await Assert.ThrowsAsync<QueryFailedException>(() => engine.ExecuteAsync("SELECT * FROM missing", QueryVersion.AtHead("dev")));

        Assert.Contains("Object 'missing' not found within 'lake'", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsFatal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_query_that_dremio_refuses_at_submission_is_a_query_failure()
    {
        _fake.Map("POST", "^sql$", _ => DremioFakeResponse.Error(System.Net.HttpStatusCode.BadRequest, "Invalid reference type [BRANCHX]"));
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        var error = await Assert.ThrowsAsync<QueryFailedException>(() => engine.ExecuteAsync("SELECT 1", QueryVersion.AtHead("dev")));

        Assert.Equal("Dremio rejected the query: Invalid reference type [BRANCHX]", error.Message);
        Assert.Empty(_fake.Jobs);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_job_canceled_in_dremio_raises_a_query_failure_with_the_reason()
    {
        _fake.OnSql("SELECT hang", DremioFakeOutcome.Hang());
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        var execution = engine.ExecuteAsync("SELECT hang", QueryVersion.AtHead("dev"));
        var job = await WaitForJobAsync();
        await client.CancelJobAsync(job.Id);
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => execution);

        Assert.Contains("canceled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Query cancelled by user", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_hung_query_cancelled_by_the_token_is_cancelled_in_dremio()
    {
        _fake.OnSql("SELECT hang", DremioFakeOutcome.Hang());
        using var client = DremioTestKit.CloudClient(_fake);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);
        using var timeout = new CancellationTokenSource();

        var execution = engine.ExecuteAsync("SELECT hang", QueryVersion.AtHead("dev"), timeout.Token);
        var job = await WaitForJobAsync();
        timeout.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);
        Assert.Equal(204, Assert.Single(_fake.To("POST", $"job/{job.Id}/cancel")).StatusCode);
        Assert.True(job.WasCanceled);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_rejected_token_fails_the_run_without_showing_the_token()
    {
        const string WrongPat = "wrong-pat-Vb71NOLEAK";
        using var client = DremioTestKit.CloudClient(_fake, pat: WrongPat);
        var engine = new DremioQueryEngine(client, Source, DremioTestKit.FastPolling);

        var error = await Assert.ThrowsAsync<DremioException>(() => engine.ExecuteAsync("SELECT 1", QueryVersion.AtHead("dev")));

        Assert.True(error.IsFatal);
        Assert.DoesNotContain(WrongPat, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPat, engine.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPat, client.Endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_catalog_source_is_refused_with_what_to_pass()
    {
        using var client = DremioTestKit.CloudClient(_fake);

        var error = Assert.Throws<LakehouseException>(() => new DremioQueryEngine(client, " "));

        Assert.Contains("--repo-name", error.Message, StringComparison.Ordinal);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private async Task<DremioFakeJob> WaitForJobAsync()
    {
        while (_fake.Jobs.Count == 0 || _fake.Jobs[0].ReportedStates.Count == 0)
        {
            await Task.Delay(5);
        }

        return _fake.Jobs[0];
    }
}
