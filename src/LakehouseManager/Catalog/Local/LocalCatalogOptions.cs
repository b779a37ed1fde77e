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

    /// <summary>How long a call waits for another process's write to finish before it fails.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
