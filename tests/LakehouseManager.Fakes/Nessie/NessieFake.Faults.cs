using System.Net;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>Fault injection: failed answers, connection resets, stalls and stale-hash conflicts.</summary>
public sealed partial class NessieFake
{
    private readonly List<Injection> _injections = [];

    /// <summary>
    /// The next <paramref name="count"/> requests (to <paramref name="endpoint"/> only, e.g. <c>GET trees/{ref}/entries</c>,
    /// or any) answer <paramref name="status"/> with Nessie's error body (429 TOO_MANY_REQUESTS, 503
    /// SERVICE_UNAVAILABLE, 500 UNKNOWN ...), and a <c>Retry-After</c> in whole seconds when given, before any work.
    /// The error body's message is <paramref name="message"/> when given (a test may echo a secret in it).
    /// </summary>
    public void FailNextRequests(
        int count, HttpStatusCode status, TimeSpan? retryAfter = null, string? endpoint = null, string? message = null) =>
        Inject(count, new Injection(InjectionKind.Fail, endpoint, status, retryAfter, TimeSpan.Zero) { Message = message });

    /// <summary>The next requests get their connection reset (the client sees an I/O error, no status).</summary>
    public void ResetNextRequests(int count, string? endpoint = null) =>
        Inject(count, new Injection(InjectionKind.Reset, endpoint, HttpStatusCode.OK, null, TimeSpan.Zero));

    /// <summary>The next requests wait <paramref name="delay"/> on the fake's clock before being handled.</summary>
    public void StallNextRequests(int count, TimeSpan delay, string? endpoint = null) =>
        Inject(count, new Injection(InjectionKind.Stall, endpoint, HttpStatusCode.OK, null, delay));

    /// <summary>
    /// The next <paramref name="count"/> writes (commit, merge, delete of a reference) fail as if someone had moved the
    /// branch just before: 409 REFERENCE_CONFLICT with an UNEXPECTED_HASH conflict, nothing changed.
    /// </summary>
    public void ConflictNextWrites(int count) =>
        Inject(count, new Injection(InjectionKind.StaleHash, null, HttpStatusCode.Conflict, null, TimeSpan.Zero));

    private void Inject(int count, Injection injection)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _injections.Add(injection);
            }
        }
    }

    /// <summary>Takes the first injection that applies to this request, if any.</summary>
    private Injection? TakeInjection(string endpoint, bool isWrite)
    {
        lock (_gate)
        {
            var index = _injections.FindIndex(i =>
                i.Kind == InjectionKind.StaleHash ? isWrite : i.Endpoint is null || i.Endpoint == endpoint);
            if (index < 0)
            {
                return null;
            }

            var injection = _injections[index];
            _injections.RemoveAt(index);
            return injection;
        }
    }

    private enum InjectionKind
    {
        Fail,
        Reset,
        Stall,
        StaleHash,
    }

    private sealed record Injection(InjectionKind Kind, string? Endpoint, HttpStatusCode Status, TimeSpan? RetryAfter, TimeSpan Delay)
    {
        public string? Message { get; init; }
    }
}
