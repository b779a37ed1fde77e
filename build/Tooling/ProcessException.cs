/// <summary>A tool exited with a non-zero code; the message names the command (secrets are masked when printed).</summary>
internal sealed class ProcessException : Exception
{
    public ProcessException(string commandLine, int exitCode)
        : base($"Process '{commandLine}' exited with code {exitCode}.")
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
