using System.Runtime.CompilerServices;
using Xunit;

namespace LakehouseManager.Tests.PullRequests;

/// <summary>
/// Compares a rendered output with its checked-in file under <c>Expected/&lt;folder&gt;/</c>. With UPDATE_EXPECTED=1
/// it rewrites the file in the source tree instead (then review the diff).
/// </summary>
internal static class ExpectedOutput
{
    public static void AssertMatches(string actual, string folder, string name, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            var projectDir = FindProjectDirectory(callerPath);
            Directory.CreateDirectory(Path.Combine(projectDir, "Expected", folder));
            File.WriteAllText(Path.Combine(projectDir, "Expected", folder, name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Expected", folder, name);
        Assert.True(File.Exists(path), $"Missing expected file {path}; run the tests with UPDATE_EXPECTED=1 to write it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string FindProjectDirectory(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "LakehouseManager.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"No test project above {callerPath}.");
    }
}
