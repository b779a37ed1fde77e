using System.Linq.Expressions;
using TargetRunner.Execution;
using TargetRunner.Output;

namespace TargetRunner;

/// <summary>
/// Runs a build in-process with injected arguments, environment and writers (what tests use);
/// <see cref="NukeBuild"/>'s <c>Execute</c> runs it the same way for the real process.
/// </summary>
public static class BuildRunner
{
    /// <summary>Runs the build and returns its exit code (0 on success, -1 on failure, unless the build sets one).</summary>
    public static Task<int> RunAsync<T>(RunSettings settings, params Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new() => RunAsync(settings, isProcess: false, defaultTargets);

    internal static async Task<int> RunAsync<T>(RunSettings settings, bool isProcess, Expression<Func<T, Target>>[] defaultTargets)
        where T : NukeBuild, new()
    {
        ArgumentNullException.ThrowIfNull(settings);
        RoutingWriter.EnsureInstalled();
        var output = new RedactingWriter(settings.Out);
        var error = settings.Error is null || ReferenceEquals(settings.Error, settings.Out) ? output : new RedactingWriter(settings.Error);
        var log = new RunLog(output, settings.TimeProvider);
        var context = new RunContext(log, output, error);
        void RegisterSecret(string value)
        {
            output.AddSecret(value);
            error.AddSecret(value);
        }

        context.Enter();
        if (isProcess)
        {
            RunContext.ProcessRun = context;
        }

        try
        {
            var session = new BuildSession<T>(settings, context, RegisterSecret, defaultTargets);
            return await session.RunAsync().ConfigureAwait(false);
        }
        catch (BuildException exception)
        {
            log.Write(LogLevel.Error, exception.Message);
            return -1;
        }
        finally
        {
            output.Complete();
            error.Complete();
            RunContext.Leave();
        }
    }
}
