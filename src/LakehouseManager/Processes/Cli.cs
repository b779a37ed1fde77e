namespace LakehouseManager.Processes;

/// <summary>The entry point of the process wrapper: <c>Cli.Wrap("git").WithArguments(a => a.Add("status"))</c>.</summary>
public static class Cli
{
    /// <summary>A command that runs the given executable (a name found on PATH, or a path) with no arguments.</summary>
    public static Command Wrap(string targetFilePath) => new(targetFilePath);
}
