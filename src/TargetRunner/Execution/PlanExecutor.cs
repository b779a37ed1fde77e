using System.Reflection;
using TargetRunner.Definition;
using TargetRunner.Output;

namespace TargetRunner.Execution;

/// <summary>
/// Runs the plan: static conditions and requirements first, then each target in order with its dynamic
/// conditions. A failure stops the run unless the failing target proceeds after failure; a cancellation aborts the
/// running target; either way the rest is not run, except targets that are assured after failure.
/// </summary>
internal sealed class PlanExecutor
{
    private readonly RunContext _context;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellationToken;
    private bool _stopped;
    private bool _cancellationNoted;

    public PlanExecutor(RunContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        _context = context;
        _time = time;
        _cancellationToken = cancellationToken;
    }

    private RunLog Log => _context.Log;

    /// <summary>Runs the plan; returns whether everything that ran succeeded and nothing was cancelled.</summary>
    public async Task<bool> RunAsync(NukeBuild build, IReadOnlyList<ExecutableTarget> plan, Func<List<string>> checkRequirements)
    {
        try
        {
            build.OnBuildInitialized();
            Skipping.ApplyStaticConditions(plan);
            var unmet = checkRequirements();
            if (unmet.Count > 0)
            {
                unmet.ForEach(e => Log.Write(LogLevel.Error, e));
                Stop(build);
            }

            foreach (var target in plan)
            {
                await RunTargetAsync(build, target, plan).ConfigureAwait(false);
            }
        }
        catch (BuildException exception)
        {
            Log.Write(LogLevel.Error, exception.Message);
            Stop(build);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.Write(LogLevel.Error, FailureText.Describe(exception, _context.ParameterOrigins), exception);
            Stop(build);
        }
        finally
        {
            foreach (var target in plan.Where(t => t.Status == ExecutionStatus.Scheduled))
            {
                target.Status = ExecutionStatus.NotRun;
            }

            Finish(build);
        }

        return !build.IsFailing && !_cancellationToken.IsCancellationRequested;
    }

    private async Task RunTargetAsync(NukeBuild build, ExecutableTarget target, IReadOnlyList<ExecutableTarget> plan)
    {
        if (target.Status != ExecutionStatus.Scheduled)
        {
            return;
        }

        var assured = target.Definition.IsAssuredAfterFailure;
        var stopped = _stopped || _cancellationToken.IsCancellationRequested;
        var dependencyMissing = target.ExecutionDependencies.Any(d => d.Status is ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.NotRun);
        if (_cancellationToken.IsCancellationRequested && !_cancellationNoted && target.Status == ExecutionStatus.Scheduled)
        {
            _cancellationNoted = true;
            Log.Write(LogLevel.Warning, "Cancellation requested: the remaining targets will not run.");
        }

        if ((stopped || dependencyMissing) && !assured)
        {
            target.Status = ExecutionStatus.NotRun;
            return;
        }

        Condition? failedCondition;
        try
        {
            failedCondition = target.Definition.DynamicConditions.FirstOrDefault(c => !Skipping.Evaluate(target, c));
        }
        catch (BuildException exception)
        {
            target.Status = ExecutionStatus.Failed;
            target.Failure = exception;
            LogFailure(target, exception);
            build.IsFailing = true;
            _stopped = _stopped || !target.Definition.IsProceedAfterFailure;
            return;
        }

        if (failedCondition is not null)
        {
            Skipping.MarkSkipped(target, failedCondition.Text, plan);
            Log.Write(LogLevel.Information, $"Skipping target {target.Name}: {failedCondition.Text}");
            return;
        }

        if (target.Definition.Actions.Count == 0)
        {
            target.Status = ExecutionStatus.Collective;
            return;
        }

        // An assured target that runs after Ctrl-C gets a token that is not cancelled, or it could not clean up.
        var token = _cancellationToken.IsCancellationRequested ? CancellationToken.None : _cancellationToken;
        await ExecuteAsync(build, target, token).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(NukeBuild build, ExecutableTarget target, CancellationToken token)
    {
        if (Log.IsEnabled(LogLevel.Information))
        {
            Log.WriteRaw(Banners.TargetHeader(target.Name, _context.Host is Hosts.Terminal, Log.Colors));
        }

        _context.CurrentTarget = target;
        Log.CurrentTarget = target.Name;
        target.Status = ExecutionStatus.Running;
        var cancelledBefore = _cancellationToken.IsCancellationRequested;
        var start = _time.GetTimestamp();
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                await action(token).ConfigureAwait(false);
            }

            target.Status = ExecutionStatus.Succeeded;
        }
        catch (Exception exception) when (!cancelledBefore && _cancellationToken.IsCancellationRequested)
        {
            target.Status = ExecutionStatus.Aborted;
            _cancellationNoted = true;
            target.Failure = Unwrap(exception);
            Log.Write(LogLevel.Warning, $"Cancellation requested: target {target.Name} was aborted; the remaining targets will not run.");
            build.IsFailing = true;
        }
        catch (Exception exception)
        {
            var failure = Unwrap(exception);
            target.Status = ExecutionStatus.Failed;
            target.Failure = failure;
            LogFailure(target, failure);
            build.IsFailing = true;
            _stopped = _stopped || !target.Definition.IsProceedAfterFailure;
        }
        finally
        {
            target.Duration = _time.GetElapsedTime(start);
            _context.CurrentTarget = null;
            Log.CurrentTarget = null;
        }
    }

    private void Stop(NukeBuild build)
    {
        build.IsFailing = true;
        _stopped = true;
    }

    /// <summary>The failure in plain words; the exception's type and stack trace only at debug level.</summary>
    private void LogFailure(ExecutableTarget target, Exception failure)
    {
        Log.Write(LogLevel.Error, $"Target {target.Name} failed: {FailureText.Describe(failure, _context.ParameterOrigins)}");
        if (failure is not BuildException)
        {
            Log.Write(LogLevel.Debug, "Details: " + failure);
        }
    }

    private void Finish(NukeBuild build)
    {
        try
        {
            build.OnBuildFinished();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.Write(LogLevel.Error, $"Finishing the build failed: {Unwrap(exception).Message}");
            build.IsFailing = true;
        }
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };
}
