namespace TargetRunner.Hosts;

/// <summary>Any other CI, detected by <c>CI=true</c> (or <c>CI=1</c>): plain logs, no prompts.</summary>
public sealed class GenericCi : Host, IBuildServer
{
    internal GenericCi(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
    }

    internal static bool IsRunning(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("CI", out var value)
        && (string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase) || value.Trim() == "1");

    /// <summary>Generic CI exposes no branch.</summary>
    public string? Branch => null;

    /// <summary>Generic CI exposes no commit.</summary>
    public string? Commit => null;
}
