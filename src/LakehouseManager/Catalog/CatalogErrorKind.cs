namespace LakehouseManager.Catalog;

/// <summary>What went wrong in a catalog call; adapters map their protocol's errors onto these.</summary>
public enum CatalogErrorKind
{
    /// <summary>A ref or commit that does not exist (Nessie REFERENCE_NOT_FOUND).</summary>
    ReferenceNotFound,

    /// <summary>Creating a ref that exists (Nessie REFERENCE_ALREADY_EXISTS).</summary>
    ReferenceAlreadyExists,

    /// <summary>A write whose expected hash is stale (Nessie REFERENCE_CONFLICT / UNEXPECTED_HASH).</summary>
    ReferenceConflict,

    /// <summary>An invalid argument: a bad ref name, key or SQL statement (Nessie BAD_REQUEST).</summary>
    BadRequest,

    /// <summary>The catalog could not be reached or failed (after retries).</summary>
    Unavailable,
}
