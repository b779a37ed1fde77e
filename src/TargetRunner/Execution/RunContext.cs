using TargetRunner.Definition;
using TargetRunner.Hosts;
using TargetRunner.Output;

namespace TargetRunner.Execution;

/// <summary>
/// The state of one run, found through the async context: the static <see cref="Log"/>, the console router and
/// <see cref="NukeBuild"/>'s static properties read it, so in-process runs (tests) never share state.
/// </summary>
internal sealed class RunContext
{
    private static readonly AsyncLocal<RunContext?> s_current = new();

    public RunContext(RunLog log, TextWriter consoleOut, TextWriter consoleError)
    {
        Log = log;
        ConsoleOut = consoleOut;
        ConsoleError = consoleError;
    }

    /// <summary>The run of the current async flow; falls back to the process's own run for flows started elsewhere.</summary>
    public static RunContext? Current => s_current.Value ?? ProcessRun;

    /// <summary>Set by <c>NukeBuild.Execute</c> for the real process (never by in-process runs).</summary>
    public static RunContext? ProcessRun { get; set; }

    public RunLog Log { get; }

    public TextWriter ConsoleOut { get; }

    public TextWriter ConsoleError { get; }

    public AbsolutePath? RootDirectory { get; set; }

    public Host? Host { get; set; }

    public AbsolutePath? BuildAssemblyDirectory { get; set; }

    public ExecutableTarget? CurrentTarget { get; set; }

    /// <summary>The parameters whose values came from the environment or a parameters file, for failure messages.</summary>
    public IReadOnlyList<ParameterOrigin> ParameterOrigins { get; set; } = [];

    public static RunContext Require() =>
        Current ?? throw new InvalidOperationException("This member is only available while a build runs.");

    /// <summary>Makes this run the current one for the calling async flow.</summary>
    public void Enter() => s_current.Value = this;

    public static void Leave() => s_current.Value = null;
}
