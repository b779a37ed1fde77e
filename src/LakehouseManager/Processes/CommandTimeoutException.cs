namespace LakehouseManager.Processes;

/// <summary>A command ran longer than its timeout; its whole process tree was killed.</summary>
public sealed class CommandTimeoutException : CommandException
{
    public CommandTimeoutException(string commandLine, TimeSpan timeout)
        : base(commandLine, $"Command '{commandLine}' did not finish within its timeout of {timeout} and was killed.")
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}
