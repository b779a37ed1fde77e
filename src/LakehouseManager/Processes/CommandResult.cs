namespace LakehouseManager.Processes;

/// <summary>How a process ended: its exit code and when it ran (times read from the command's clock).</summary>
public record CommandResult(int ExitCode, DateTimeOffset StartTime, DateTimeOffset ExitTime)
{
    /// <summary>Whether the exit code is zero.</summary>
    public bool IsSuccess => ExitCode == 0;

    /// <summary>How long the process ran.</summary>
    public TimeSpan RunTime => ExitTime - StartTime;
}
