namespace LakehouseManager.Processes;

/// <summary>The process could not be started (executable not found, working directory missing, no permission).</summary>
public sealed class CommandStartException : CommandException
{
    public CommandStartException(string commandLine, string reason, Exception? innerException = null)
        : base(commandLine, $"Could not start '{commandLine}': {reason}", innerException)
    {
    }
}
