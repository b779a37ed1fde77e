namespace LakehouseManager.Processes;

/// <summary>
/// A command that could not run to a valid end. <see cref="CommandLine"/> is the display string: sensitive arguments
/// are masked and environment values are never included.
/// </summary>
public abstract class CommandException : LakehouseException
{
    protected CommandException(string commandLine, string message, Exception? innerException = null)
        : base(message, isFatal: true, innerException)
    {
        CommandLine = commandLine;
    }

    /// <summary>The command as displayed to users, with sensitive arguments masked.</summary>
    public string CommandLine { get; }
}
