namespace LakehouseManager.Processes;

/// <summary>A finished run with its standard output and error decoded as UTF-8.</summary>
public sealed record BufferedCommandResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    DateTimeOffset StartTime,
    DateTimeOffset ExitTime) : CommandResult(ExitCode, StartTime, ExitTime);
