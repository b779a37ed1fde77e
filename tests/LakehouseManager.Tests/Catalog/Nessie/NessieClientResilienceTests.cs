using System.Net;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Retries under injected faults, on a fake clock shared by the client's pipeline and the fake.</summary>
public sealed class NessieClientResilienceTests : IAsyncLifetime
{
    private readonly TimerRecordingClock _clock = new();
    private NessieFake _fake = null!;
    private NessieClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync(new NessieFakeOptions { TimeProvider = _clock });
        _fake.Views.CreateNamespace("main", "sales");
        _client = NessieTestKit.Client(_fake, NessieTestKit.Pipeline(_clock));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task Service_unavailable_answers_are_retried_until_nessie_answers()
    {
        _fake.FailNextRequests(2, HttpStatusCode.ServiceUnavailable);

        var main = await _clock.PumpAsync(_client.GetReferenceAsync("main"));

        Assert.Equal(_fake.Head(), main.Hash);
        Assert.Equal([503, 503, 200], _fake.Requests.Select(r => r.StatusCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_429_is_retried_exactly_when_retry_after_says()
    {
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3));

        var call = _client.GetReferenceAsync("main");
        await _clock.TimerCreated(TimeSpan.FromSeconds(3)).WaitAsync(TimeSpan.FromSeconds(20));
        _clock.Advance(TimeSpan.FromSeconds(3));
        await call;

        var requests = _fake.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(3), requests[1].At - requests[0].At);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_connection_reset_is_retried()
    {
        _fake.ResetNextRequests(1);

        var entries = await _clock.PumpAsync(_client.GetEntriesAsync(NessieRefSpec.Head("main")).ToListAsync());

        Assert.Single(entries);
        Assert.Equal([-1, 200], _fake.Requests.Select(r => r.StatusCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_write_answered_with_a_server_error_is_not_repeated()
    {
        _fake.FailNextRequests(1, HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<CatalogException>(() => _clock.PumpAsync(_client.CommitAsync("main", _fake.Head(),
            new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), NessieContent.IcebergView(null, "file:///v.json"))])));

        // The gateway may have answered after Nessie committed: a second POST could only report a conflict with itself.
        Assert.Equal(CatalogErrorKind.Unavailable, error.Kind);
        Assert.Single(_fake.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_write_refused_by_the_rate_limiter_is_repeated_and_applied_once()
    {
        var head = _fake.Head();
        _fake.FailNextRequests(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));

        var response = await _clock.PumpAsync(_client.CommitAsync("main", head, new NessieCommitMeta("CREATE VIEW sales.orders"),
            [NessieOperation.Put(NessieTestKit.Key("sales.orders"), NessieContent.IcebergView(null, "file:///v.json"))]));

        Assert.Equal([429, 200], _fake.Requests.Select(r => r.StatusCode));
        Assert.Equal(head, _fake.Repository.FindCommit(response.TargetBranch.Hash!)!.DirectParent);
    }

    [Fact(Timeout = 30_000)]
    public async Task Injected_latency_holds_every_answer_on_the_fakes_clock()
    {
        _fake.Latency = TimeSpan.FromSeconds(7);

        var call = _client.GetReferenceAsync("main");
        await _clock.TimerCreated(TimeSpan.FromSeconds(7)).WaitAsync(TimeSpan.FromSeconds(20));
        var answeredBefore = call.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(7));
        var main = await call;

        Assert.False(answeredBefore);
        Assert.Equal(_fake.Head(), main.Hash);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancelling_stops_the_retries()
    {
        _fake.FailNextRequests(10, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var call = _client.GetReferenceAsync("main", cancel.Token);
        await _clock.TimerCreated(TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_fake.Requests);
    }
}
