namespace TargetRunner.Hosts;

/// <summary>A CI host; <c>IsServerBuild</c> is true on it.</summary>
public interface IBuildServer
{
    /// <summary>The branch being built, when the server tells it.</summary>
    string? Branch { get; }

    /// <summary>The commit being built, when the server tells it.</summary>
    string? Commit { get; }
}
