using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LakehouseManager.Http;

/// <summary>
/// The one resilience pipeline of our HTTP clients (after DiscordChatExporter's): an overall timeout around retries with
/// exponential backoff and jitter around a per-attempt timeout. Time comes from a <see cref="TimeProvider"/>, so tests
/// drive it with a fake clock instead of sleeping.
/// </summary>
/// <remarks>
/// A request states through <see cref="RetrySafetyKey"/> whether it may be repeated when its outcome is unknown; the
/// default is <see cref="RetrySafety.SafeToRepeat"/>. The callback must create a fresh <see cref="HttpRequestMessage"/>
/// per attempt and pass the context's token to <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/>
/// (see <see cref="ResilientHttpClientExtensions"/>).
/// </remarks>
internal static class HttpResilience
{
    /// <summary>The context property that tells the retry rule whether the request may be repeated.</summary>
    public static ResiliencePropertyKey<RetrySafety> RetrySafetyKey { get; } = new("LakehouseManager.Http.RetrySafety");

    /// <summary>
    /// The context property for a protocol's own "refused, try again later" that the status code does not show (AWS
    /// JSON 1.1 sends throttling as HTTP 400 with <c>__type: ThrottlingException</c>). A response it accepts is retried
    /// whatever the request's <see cref="RetrySafety"/>: like a 429, it was refused before any work was done.
    /// </summary>
    public static ResiliencePropertyKey<Func<HttpResponseMessage, bool>?> RefusedForNowKey { get; } =
        new("LakehouseManager.Http.RefusedForNow");

    /// <summary>The shared pipeline: default limits, the system clock.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Shared { get; } =
        Create(HttpResilienceOptions.Default, TimeProvider.System);

    /// <summary>Builds a pipeline with other limits or another clock (tests pass a fake clock).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            // Outermost: the caller's whole wait is bounded, whatever the server's Retry-After asks for.
            .AddTimeout(options.OverallTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                // Exponential backoff spreads retries out when the server is struggling; jitter keeps parallel callers
                // (four test workers) from retrying in lockstep.
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(
                    ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RetrySafetyKey, RetrySafety.SafeToRepeat)) ||
                    (args.Outcome.Result is { } response &&
                        args.Context.Properties.GetValue(RefusedForNowKey, null) is { } refusedForNow &&
                        refusedForNow(response))),
                // A server that says when to come back (429, 503) knows better than our backoff; capped so that a
                // misconfigured server cannot park us for hours (the overall timeout bounds it anyway).
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && RetryAfter.GetDelay(response.Headers, timeProvider.GetUtcNow()) is { } delay
                        ? (TimeSpan?)(delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay)
                        : null),
            })
            // Innermost: one attempt that hangs (a stalled connection) is abandoned and retried instead of eating the
            // whole budget.
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Whether an attempt's outcome is worth another attempt, given whether the request may be repeated.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RetrySafety safety)
    {
        if (outcome.Exception is { } exception)
        {
            return safety == RetrySafety.SafeToRepeat ? IsTransient(exception) : SurelyNotSent(exception);
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        return safety == RetrySafety.SafeToRepeat
            ? IsTransientStatus(response.StatusCode)
            // 429 is the rate limiter refusing the request before any work; a 5xx or 408 may come after the server
            // created the job (a gateway timing out while Dremio plans), so a second POST could run the query twice.
            : response.StatusCode == HttpStatusCode.TooManyRequests;
    }

    /// <summary>The statuses that say "try again later": 408 Request Timeout, 429 Too Many Requests, every 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        // 408: the server gave up waiting for our request; 429: rate limited; 5xx: the server or a gateway failed,
        // which for Dremio Cloud is usually a rolling restart or an overloaded coordinator.
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool IsTransient(Exception exception) => exception switch
    {
        // Resets, refused connections, DNS hiccups, truncated responses: the network, not the request, failed.
        HttpRequestException => true,
        // Our per-attempt timeout fired: the attempt stalled; another connection may do better.
        TimeoutRejectedException => true,
        _ => false,
    };

    private static bool SurelyNotSent(Exception exception) =>
        // Only failures while opening the connection prove that no byte of the request reached the server.
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };
}
