namespace LakehouseManager.Catalog.Local;

/// <summary>How a <see cref="LocalCatalog"/> is opened; every property has a sensible default.</summary>
public sealed record LocalCatalogOptions
{
    /// <summary>The default branch a new catalog file gets (an existing file keeps the one it was created with).</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>The author recorded on commits.</summary>
    public string Author { get; init; } = string.IsNullOrWhiteSpace(Environment.UserName) ? "local" : Environment.UserName;

    /// <summary>The clock that stamps commits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Dremio names a versioned source's views with the source first (<c>lakehouse.shop.v</c>). When set, SQL run at a
    /// branch also resolves such names without it (<c>shop.v</c>), so queries written for Dremio run unchanged.
    /// A name that exists as written is always preferred.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>How long a call waits for another process's write to finish before it fails.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
