namespace LakehouseManager.Mirror.Git;

/// <summary>How <see cref="GitRepository"/> runs git.</summary>
public sealed record GitOptions
{
    public static GitOptions Default { get; } = new();

    /// <summary>The git executable: a name looked up on PATH, or a path.</summary>
    public string GitPath { get; init; } = "git";

    /// <summary>Author and committer of the commits made through the repository.</summary>
    public GitIdentity Identity { get; init; } = GitIdentity.Default;

    /// <summary>How long one git invocation may run (a fetch or push over the network included).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long git may take to stop after a cancellation (it is interrupted first, so that it removes its lock files)
    /// before it is killed with its child processes.
    /// </summary>
    public TimeSpan CancellationGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The clock for timeouts, and for the dates git records (commit author and committer dates, reflog entries), so
    /// that a test with a fake clock gets the same commits on every run and moves time on instead of sleeping.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Extra environment for every git call (null removes a variable), applied after the built-in ones. Tests use it
    /// to isolate git from the user's configuration (<c>GIT_CONFIG_GLOBAL</c>, <c>GIT_CONFIG_NOSYSTEM</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; init; } =
        new Dictionary<string, string?>(StringComparer.Ordinal);
}
