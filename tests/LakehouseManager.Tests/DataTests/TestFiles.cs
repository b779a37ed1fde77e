using System.Runtime.CompilerServices;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

/// <summary>Test data and expected outputs of the data-test tests, read from the build output.</summary>
internal static class TestFiles
{
    public static string ReadTestData(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "DataTests", name));

    /// <summary>
    /// Compares a rendered output with its checked-in expected file. With UPDATE_EXPECTED=1 it rewrites the file in the
    /// source tree instead (then review the diff): the way to accept an intended change of a report.
    /// </summary>
    public static void AssertMatchesExpected(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            var projectDir = Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!;
            File.WriteAllText(Path.Combine(projectDir, "Expected", "DataTests", name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Expected", "DataTests", name);
        Assert.True(File.Exists(path), $"Missing expected file {path}; run the tests with UPDATE_EXPECTED=1 to write it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
