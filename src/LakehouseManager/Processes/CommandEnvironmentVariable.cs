namespace LakehouseManager.Processes;

/// <summary>
/// An environment variable to set (<see cref="Value"/> not null) or to remove from the inherited environment
/// (<see cref="Value"/> null). Values never appear in display strings or exception messages; a sensitive value is
/// also redacted from the standard error text that error messages quote.
/// </summary>
public sealed record CommandEnvironmentVariable(string Name, string? Value, bool IsSensitive = false);
