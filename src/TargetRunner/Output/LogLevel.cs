namespace TargetRunner.Output;

/// <summary>Log levels with Serilog's short tags.</summary>
internal enum LogLevel
{
    Verbose,
    Debug,
    Information,
    Warning,
    Error,
}
