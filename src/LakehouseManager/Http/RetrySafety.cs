namespace LakehouseManager.Http;

/// <summary>Whether a request may be sent again when its outcome is unknown (see <see cref="HttpResilience"/>).</summary>
public enum RetrySafety
{
    /// <summary>
    /// Repeating the request has no further effect: GETs, cancels, and POSTs that carry an idempotency key (Dremio
    /// Cloud's <c>requestId</c>). Retried on 408, 429, 5xx, network errors and attempt timeouts.
    /// </summary>
    SafeToRepeat,

    /// <summary>
    /// The request creates something (a Dremio Software SQL job, which has no idempotency key). Retried only when it
    /// surely was not processed: the connection could not be opened, or the server refused it with 429.
    /// </summary>
    OnlyIfNotProcessed,
}
