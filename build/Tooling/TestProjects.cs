using System.Text.RegularExpressions;
using TargetRunner;

/// <summary>The test projects of a solution: its projects that declare <c>&lt;IsTestProject&gt;true&lt;/IsTestProject&gt;</c>.</summary>
internal static partial class TestProjects
{
    public static IReadOnlyList<AbsolutePath> In(AbsolutePath solution)
    {
        var directory = solution.Parent!;
        return ProjectLine().Matches(File.ReadAllText(solution))
            .Select(m => directory / m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))
            .Where(p => File.Exists(p) && File.ReadAllText(p).Contains("<IsTestProject>true</IsTestProject>", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
