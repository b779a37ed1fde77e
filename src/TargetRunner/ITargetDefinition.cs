using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace TargetRunner;

/// <summary>The fluent definition of a target (Nuke's <c>ITargetDefinition</c>); every method returns the definition.</summary>
public interface ITargetDefinition
{
    /// <summary>The text shown under the target by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Pulls the given targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Makes the given targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Runs this target after the given ones when both are scheduled (does not pull them in).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Runs this target before the given ones when both are scheduled (does not pull them in).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Schedules the given targets after this one whenever this one is scheduled.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Schedules this target after any of the given ones whenever they are scheduled.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Skips the target unless the condition holds; evaluated for the whole plan before anything runs.</summary>
    ITargetDefinition OnlyWhenStatic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? conditionExpression = null);

    /// <summary>Skips the target unless the condition holds; evaluated right before the target runs.</summary>
    ITargetDefinition OnlyWhenDynamic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? conditionExpression = null);

    /// <summary>What happens to this target's dependencies when it is skipped (default: they are skipped too).</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior);

    /// <summary>Requires a parameter to be set (not null, not empty) before the first target of the build runs.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
        where T : class?;

    /// <summary>Requires a nullable value parameter to be set before the first target of the build runs.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T?>> parameter)
        where T : struct;

    /// <summary>
    /// Requires a parameter's value to be valid before the first target of the build runs, e.g.
    /// <c>.Requires(() =&gt; TestParallelism, n =&gt; n is &gt;= 1 and &lt;= 64, "a number from 1 to 64")</c>. An invalid
    /// value fails the build with a message that names the parameter's flag, its environment variable, the value and
    /// where it came from, and <paramref name="validValues"/>.
    /// </summary>
    /// <param name="parameter">The parameter, as a member access (<c>() =&gt; TestParallelism</c>).</param>
    /// <param name="isValid">Whether a value is valid (also applied to the default when nothing was given).</param>
    /// <param name="validValues">What is valid, completing "must be ...": <c>"a number from 1 to 64"</c>.</param>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter, Func<T, bool> isValid, string validValues);

    /// <summary>Requires a condition to hold before the first target of the build runs.</summary>
    ITargetDefinition Requires(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string? conditionExpression = null);

    /// <summary>Lets the build continue with other targets when this one fails.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs this target even after a failure or a cancellation (Ctrl-C) of the build.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Adds an action; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that receives the run's cancellation token (cancelled on Ctrl-C/SIGTERM).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
