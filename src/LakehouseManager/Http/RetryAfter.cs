using System.Net.Http.Headers;

namespace LakehouseManager.Http;

/// <summary>Reads the <c>Retry-After</c> header (RFC 9110 §10.2.3): delay seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>The delay the server asked for, never negative; null when it asked for none.</summary>
    public static TimeSpan? GetDelay(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var delay = date - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
