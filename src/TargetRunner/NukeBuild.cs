using System.Linq.Expressions;
using System.Runtime.InteropServices;
using TargetRunner.Execution;
using TargetRunner.Hosts;
using TargetRunner.Output;

namespace TargetRunner;

/// <summary>
/// The base class of a build, with Nuke's public shape: <c>partial class Build : NukeBuild</c>, targets as
/// <see cref="Target"/> properties, parameters as <c>[Parameter]</c> members, and
/// <c>public static int Main() =&gt; Execute&lt;Build&gt;();</c>. The static properties describe the current run
/// (they are per run, so in-process test runs do not share them).
/// </summary>
public abstract class NukeBuild
{
    /// <summary>The directory that holds <c>.nuke/</c> (or the one given by <c>--root</c>).</summary>
    public static AbsolutePath RootDirectory => RunContext.Require().RootDirectory
        ?? throw new InvalidOperationException("The root directory is not known yet.");

    /// <summary><c>.nuke/temp</c> under the root directory.</summary>
    public static AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>The directory of the build assembly.</summary>
    public static AbsolutePath BuildAssemblyDirectory => RunContext.Require().BuildAssemblyDirectory
        ?? AbsolutePath.Create(AppContext.BaseDirectory);

    /// <summary>Where the build runs (terminal, AWS CodeBuild, generic CI).</summary>
    public static Host Host => RunContext.Require().Host
        ?? throw new InvalidOperationException("The host is not known yet.");

    /// <summary>True on a developer's terminal.</summary>
    public static bool IsLocalBuild => Host is Terminal;

    /// <summary>True on a CI host.</summary>
    public static bool IsServerBuild => Host is IBuildServer;

    /// <summary>The <c>--verbosity</c> of the run.</summary>
    public static Verbosity Verbosity => RunContext.Require().Log.Verbosity;

    /// <summary>The targets named on the command line (or the defaults).</summary>
    public IReadOnlyList<string> InvokedTargets { get; internal set; } = [];

    /// <summary>The targets of the execution plan, in order.</summary>
    public IReadOnlyList<string> ScheduledTargets { get; internal set; } = [];

    /// <summary>True once a target has failed or the run was cancelled.</summary>
    public bool IsFailing { get; internal set; }

    /// <summary>True while nothing has failed.</summary>
    public bool IsSuccessful => !IsFailing;

    /// <summary>Overrides the process exit code (otherwise 0 on success, -1 on failure).</summary>
    public int? ExitCode { get; set; }

    /// <summary>Runs the build with the process's arguments, environment and console.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargetExpressions)
        where T : NukeBuild, new()
    {
        RoutingWriter.EnsureInstalled();
        using var cancellation = new CancellationTokenSource();
        using var interrupt = RegisterSignal(PosixSignal.SIGINT, cancellation);
        using var terminate = RegisterSignal(PosixSignal.SIGTERM, cancellation);
        var settings = new RunSettings
        {
            Arguments = System.Environment.GetCommandLineArgs().Skip(1).ToList(),
            Environment = System.Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty),
            Out = RoutingWriter.OriginalOut,
            Error = RoutingWriter.OriginalError,
            IsConsole = !Console.IsOutputRedirected,
            CancellationToken = cancellation.Token,
        };
        return BuildRunner.RunAsync(settings, isProcess: true, defaultTargetExpressions).GetAwaiter().GetResult();
    }

    /// <summary>Adds <c>key: value</c> notes to the running target's row in the summary.</summary>
    protected void ReportSummary(Configure<IDictionary<string, string>> configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var target = RunContext.Require().CurrentTarget
            ?? throw new InvalidOperationException("ReportSummary can only be called while a target runs.");
        _ = configurator(target.SummaryInformation);
    }

    /// <summary>
    /// Called once the targets to run are planned (<see cref="ScheduledTargets"/>), before anything that can stop the
    /// run: a parameter value that cannot be read, an unmet requirement. For what every run of a target must do first
    /// (deleting the reports of an earlier run). A parameter that could not be read keeps its default here. Not called
    /// for <c>--help</c> or <c>--plan</c>.
    /// </summary>
    protected internal virtual void OnBuildPlanned()
    {
    }

    /// <summary>Called once parameters are bound, before the plan runs.</summary>
    protected internal virtual void OnBuildInitialized()
    {
    }

    /// <summary>Called after the plan ran (also after a failure), before the summary.</summary>
    protected internal virtual void OnBuildFinished()
    {
    }

    /// <summary>
    /// The first Ctrl-C/SIGTERM cancels the run (the running target is aborted, the summary still prints); a second
    /// one ends the process the default way.
    /// </summary>
    private static PosixSignalRegistration? RegisterSignal(PosixSignal signal, CancellationTokenSource cancellation)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                if (!cancellation.IsCancellationRequested)
                {
                    context.Cancel = true;
                    cancellation.Cancel();
                }
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
