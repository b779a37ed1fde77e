using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// A loopback Dremio (Kestrel on 127.0.0.1, a free port) that speaks the REST API of api-facts §B: the SQL and job
/// calls under both <c>/v0/projects/{projectId}/</c> (Dremio Cloud) and <c>/api/v3/</c> (Dremio Software), with bearer
/// authentication and Dremio's <c>{"errorMessage","moreInfo"}</c> error bodies.
/// </summary>
/// <remarks>
/// Script it with <see cref="OnSql(string, DremioFakeOutcome)"/>, inject transient failures with
/// <see cref="FailNextRequests"/>, and assert on <see cref="Requests"/>, <see cref="Submissions"/> and
/// <see cref="Jobs"/>. Further endpoints (e.g. <c>catalog/by-path</c>) are routes: see <see cref="Map"/> and
/// <c>DremioFake.Jobs.cs</c> for the pattern. Thread-safe: the benchmark runs tests in parallel against one fake.
/// </remarks>
public sealed partial class DremioFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DremioFakeOptions _options;
    private readonly object _gate = new();
    private readonly List<DremioFakeRequest> _requests = [];
    private readonly List<Func<DremioFakeQuery, DremioFakeOutcome?>> _scripts = [];
    private readonly Dictionary<string, DremioFakeJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<DremioFakeJob> _jobsInOrder = [];
    private readonly Dictionary<string, string> _jobIdByRequestId = new(StringComparer.Ordinal);
    private readonly Queue<Injection> _injections = new();
    private readonly List<Route> _routes = [];
    private readonly List<HttpMessageHandler> _handlers = [];
    private TimeSpan _requestLatency;

    private DremioFake(WebApplication app, DremioFakeOptions options)
    {
        _app = app;
        _options = options;
        MapJobRoutes();
    }

    /// <summary>The fake's root, e.g. <c>http://127.0.0.1:41234/</c>: what <c>--dremio-url</c> points at.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The Dremio Cloud API root of the fake's project (on the loopback host).</summary>
    public Uri CloudProjectUri => new(BaseAddress, $"v0/projects/{ProjectId}/");

    public string Pat => _options.Pat;

    public string ProjectId => _options.ProjectId;

    /// <summary>
    /// Waited (on the fake's clock) before every answer: network latency per request, apart from how long a job takes
    /// (<see cref="DremioFakeOptions.JobLatency"/>). Settable while running (the benchmark's latency runs).
    /// </summary>
    public TimeSpan RequestLatency
    {
        get
        {
            lock (_gate)
            {
                return _requestLatency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _requestLatency = value;
            }
        }
    }

    /// <summary>The fake's clock.</summary>
    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<DremioFake> StartAsync(DremioFakeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DremioFakeOptions();
        var (fake, address) = await LoopbackHost.StartAsync(
            options.Port,
            app => new DremioFake(app, options),
            f => f.HandleAsync,
            cancellationToken).ConfigureAwait(false);
        fake.BaseAddress = address;
        return fake;
    }

    /// <summary>
    /// A handler that sends every request to this fake, whatever host its URL names, keeping the <c>Host</c> header.
    /// Disposed with the fake.
    /// </summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new LoopbackRedirectHandler(BaseAddress);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return handler;
    }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<DremioFakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every job created, in order.</summary>
    public IReadOnlyList<DremioFakeJob> Jobs
    {
        get
        {
            lock (_gate)
            {
                return [.. _jobsInOrder];
            }
        }
    }

    /// <summary>Every query submitted (one per job), with its <c>references</c>.</summary>
    public IReadOnlyList<DremioFakeSubmission> Submissions => [.. Jobs.Select(j => j.Submission)];

    /// <summary>The job with this id.</summary>
    public DremioFakeJob Job(string id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job : throw new KeyNotFoundException($"No job '{id}'.");
        }
    }

    /// <summary>Scripts the query whose SQL text is exactly <paramref name="sql"/>. Later scripts win.</summary>
    public void OnSql(string sql, DremioFakeOutcome outcome) =>
        OnSql(text => string.Equals(text, sql, StringComparison.Ordinal), outcome);

    /// <summary>Scripts every query whose SQL matches <paramref name="predicate"/>. Later scripts win.</summary>
    public void OnSql(Func<string, bool> predicate, DremioFakeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(outcome);
        OnSql(query => predicate(query.Sql) ? outcome : null);
    }

    /// <summary>
    /// Scripts queries by a function evaluated when the job is created (so the rows can follow state that changes, such
    /// as a catalog's views); it answers null for a query it does not handle. Later scripts win.
    /// </summary>
    public void OnSql(Func<DremioFakeQuery, DremioFakeOutcome?> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        lock (_gate)
        {
            _scripts.Add(respond);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests (any path) fail with <paramref name="status"/> before they are
    /// handled, as a gateway or rate limiter would, with a <c>Retry-After</c> header when given (whole seconds).
    /// </summary>
    public void FailNextRequests(int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, TimeSpan? retryAfter = null) =>
        Inject(count, new Injection(InjectionKind.FailBefore, status, retryAfter, TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> requests are handled (a job is created) but the answer is replaced by
    /// <paramref name="status"/>: the response a client sees when a gateway times out after the server did the work.
    /// </summary>
    public void FailNextRequestsAfterProcessing(int count, HttpStatusCode status = HttpStatusCode.BadGateway) =>
        Inject(count, new Injection(InjectionKind.FailAfter, status, null, TimeSpan.Zero));

    /// <summary>The next <paramref name="count"/> requests wait <paramref name="delay"/> (fake clock) before being handled.</summary>
    public void StallNextRequests(int count, TimeSpan delay) =>
        Inject(count, new Injection(InjectionKind.Stall, HttpStatusCode.OK, null, delay));

    /// <summary>
    /// Adds a route: <paramref name="pattern"/> is a regular expression matched against the path under the API root
    /// (e.g. <c>^catalog/by-path/(?&lt;path&gt;.+)$</c>). Routes added later win over earlier and built-in ones.
    /// </summary>
    public void Map(string method, string pattern, Func<DremioFakeCall, DremioFakeResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _routes.Insert(0, new Route(method, new Regex(pattern, RegexOptions.CultureInvariant), handler));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var handler in _handlers)
            {
                handler.Dispose();
            }
        }
    }

    private void Inject(int count, Injection injection)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _injections.Enqueue(injection);
            }
        }
    }

    private enum InjectionKind
    {
        FailBefore,
        FailAfter,
        Stall,
    }

    private sealed record Injection(InjectionKind Kind, HttpStatusCode Status, TimeSpan? RetryAfter, TimeSpan Delay);

    private sealed record Route(string Method, Regex Pattern, Func<DremioFakeCall, DremioFakeResponse> Handler);
}
