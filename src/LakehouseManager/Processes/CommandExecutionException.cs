namespace LakehouseManager.Processes;

/// <summary>A validated command exited with a non-zero code.</summary>
public sealed class CommandExecutionException : CommandException
{
    public CommandExecutionException(string commandLine, int exitCode, string standardError)
        : base(commandLine, Describe(commandLine, exitCode, standardError))
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public int ExitCode { get; }

    /// <summary>The process's standard error, with sensitive values redacted.</summary>
    public string StandardError { get; }

    private static string Describe(string commandLine, int exitCode, string standardError)
    {
        var error = standardError.Trim();
        return error.Length == 0
            ? $"Command '{commandLine}' failed with exit code {exitCode} and no error output."
            : $"Command '{commandLine}' failed with exit code {exitCode}: {error}";
    }
}
