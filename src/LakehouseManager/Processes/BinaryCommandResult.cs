namespace LakehouseManager.Processes;

/// <summary>A finished run with its standard output as raw bytes (a blob must not go through a text decoder).</summary>
public sealed record BinaryCommandResult(
    int ExitCode,
    ReadOnlyMemory<byte> StandardOutput,
    string StandardError,
    DateTimeOffset StartTime,
    DateTimeOffset ExitTime) : CommandResult(ExitCode, StartTime, ExitTime);
