using System.Runtime.CompilerServices;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Testing;

/// <summary>
/// Compares an output with its checked-in file under <c>Expected/Pipeline/</c>. With UPDATE_EXPECTED=1 it rewrites the
/// file in the source tree instead (then review the diff).
/// </summary>
internal static class ExpectedFiles
{
    public static void AssertMatches(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            var projectDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", ".."));
            var target = Path.Combine(projectDir, "Expected", "Pipeline", name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Expected", "Pipeline", name);
        Assert.True(File.Exists(path), $"Missing expected file {path}; run the tests with UPDATE_EXPECTED=1 to write it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
