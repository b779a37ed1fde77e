namespace TargetRunner.Definition;

/// <summary>Target-name matching as in Nuke: dashes are ignored, and so is case.</summary>
internal static class TargetNames
{
    public static string Normalize(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    public static bool Matches(string name, string candidate) =>
        string.Equals(Normalize(name), Normalize(candidate), StringComparison.Ordinal);

    /// <summary>Finds the target for each requested name; an unknown name fails with the list of valid names.</summary>
    public static List<ExecutableTarget> Resolve(IEnumerable<string> names, IReadOnlyList<ExecutableTarget> targets)
    {
        var result = new List<ExecutableTarget>();
        foreach (var name in names)
        {
            var target = targets.FirstOrDefault(t => Matches(t.Name, name)) ?? throw UnknownTarget(name, targets);
            if (!result.Contains(target))
            {
                result.Add(target);
            }
        }

        return result;
    }

    public static BuildException UnknownTarget(string name, IReadOnlyList<ExecutableTarget> targets) =>
        new($"Target with name '{name}' does not exist. Available targets are:{Environment.NewLine}{Available(targets)}");

    /// <summary><c>--target</c> with nothing after it: an error, not the help (a script that lost its value must fail).</summary>
    public static BuildException MissingTarget(IReadOnlyList<ExecutableTarget> targets) =>
        new("--target needs the name of a target (e.g. --target Compile, or several: --target Restore Compile). " +
            $"Available targets are:{Environment.NewLine}{Available(targets)}");

    private static string Available(IReadOnlyList<ExecutableTarget> targets) =>
        string.Join(
            Environment.NewLine,
            targets.Where(t => t.IsListed).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).Select(n => $"  - {n}"));
}
