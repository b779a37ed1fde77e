using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Http;
using LakehouseManager.Naming;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Clients wired to a <see cref="NessieFake"/>, pipelines for tests, and key shorthands.</summary>
internal static class NessieTestKit
{
    /// <summary>Retries on the real clock with delays too short to matter (for tests that are not about timing).</summary>
    public static ResiliencePipeline<HttpResponseMessage> QuickPipeline(int maxRetryAttempts = 2) =>
        HttpResilience.Create(
            new HttpResilienceOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(5),
                MaxRetryAfter = TimeSpan.FromMilliseconds(5),
                AttemptTimeout = TimeSpan.FromSeconds(20),
                OverallTimeout = TimeSpan.FromSeconds(25),
            },
            TimeProvider.System);

    /// <summary>
    /// A pipeline on a fake clock. The attempt and overall timeouts are far away, so that moving the clock for a
    /// backoff never times out an attempt whose I/O is still in flight.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeProvider clock, int maxRetryAttempts = 3) =>
        HttpResilience.Create(
            new HttpResilienceOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                AttemptTimeout = TimeSpan.FromHours(1),
                OverallTimeout = TimeSpan.FromHours(2),
            },
            clock);

    /// <summary>A client of the fake's self-managed URL (<c>/api/v2</c>).</summary>
    public static NessieClient Client(
        NessieFake fake, ResiliencePipeline<HttpResponseMessage>? pipeline = null, string? token = null, NessieKeyEncoding? keyEncoding = null) =>
        new(NessieEndpoint.FromUrl(fake.ApiUri.ToString()),
            fake.Token is null && token is null ? null : new BearerToken(token ?? fake.Token),
            fake.CreateHandler(),
            pipeline ?? QuickPipeline(),
            keyEncoding);

    /// <summary>A client of the Arctic endpoint of a region, its requests routed to the fake (the real host stays in Host).</summary>
    public static NessieClient ArcticClient(NessieFake fake, string region) =>
        new(NessieEndpoint.Arctic(fake.RepositoryId, region), new BearerToken(fake.Token), fake.CreateHandler(), QuickPipeline());

    /// <summary>A key from dotted elements (no element holds a dot).</summary>
    public static ContentKey Key(string dotted) => ContentKey.Of(dotted.Split('.'));

    /// <summary>The fake's current head of a branch.</summary>
    public static string Head(this NessieFake fake, string branch = "main") => fake.Repository.Head(branch).Hash;

    /// <summary>The requests to one endpoint, e.g. <c>GET trees/{ref}/entries</c>.</summary>
    public static IReadOnlyList<NessieFakeRequest> To(this NessieFake fake, string endpoint) =>
        [.. fake.Requests.Where(r => r.Endpoint == endpoint)];

    /// <summary>Reads an async sequence to a list.</summary>
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer's due time, so a test can wait until the code under test
/// has scheduled its wait (a retry delay) and then move the clock by exactly that much.
/// </summary>
internal sealed class TimerRecordingClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Created)> _waiters = [];
    private readonly List<TimeSpan> _dueTimes = [];

    public TimerRecordingClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every due time asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime).ToList())
            {
                waiter.Created.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes when a timer with exactly this due time has been created (now or earlier).</summary>
    public Task TimerCreated(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_dueTimes.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, created));
            return created.Task;
        }
    }

    /// <summary>
    /// Moves the clock in small steps while <paramref name="task"/> runs, giving in-flight I/O a moment of real time
    /// between steps (the backoff delays have jitter, so their exact length is not known in advance).
    /// </summary>
    public async Task<T> PumpAsync<T>(Task<T> task, TimeSpan? step = null)
    {
        var advance = step ?? TimeSpan.FromMilliseconds(50);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted)
            {
                Advance(advance);
            }
        }

        return await task;
    }
}
