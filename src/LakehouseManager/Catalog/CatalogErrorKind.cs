namespace LakehouseManager.Catalog;

/// <summary>
/// What went wrong in a catalog call. Adapters map their protocol's errors onto these (Nessie's <c>errorCode</c> and
/// HTTP status), and every message names the reference or key involved.
/// </summary>
public enum CatalogErrorKind
{
    /// <summary>A reference, commit or key that does not exist (Nessie REFERENCE_NOT_FOUND, CONTENT_NOT_FOUND; 404).</summary>
    NotFound,

    /// <summary>Creating a reference that exists (Nessie REFERENCE_ALREADY_EXISTS; 409).</summary>
    AlreadyExists,

    /// <summary>A write whose expected hash is stale, or keys that conflict (Nessie REFERENCE_CONFLICT; 409).</summary>
    Conflict,

    /// <summary>An invalid argument: a bad reference name, key or SQL statement (Nessie BAD_REQUEST; 400).</summary>
    BadRequest,

    /// <summary>The credentials are missing, wrong or expired (401).</summary>
    Unauthorized,

    /// <summary>The credentials are good but may not do this (Nessie FORBIDDEN; 403).</summary>
    Forbidden,

    /// <summary>The catalog asked us to slow down and kept asking after the retries (Nessie TOO_MANY_REQUESTS; 429).</summary>
    TooManyRequests,

    /// <summary>The catalog could not be reached or failed (5xx, resets, timeouts), after the retries.</summary>
    Unavailable,
}
