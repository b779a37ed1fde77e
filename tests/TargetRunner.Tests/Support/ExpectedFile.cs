namespace TargetRunner.Tests.Support;

/// <summary>Reads a checked-in expected output from <c>Expected/</c>.</summary>
internal static class ExpectedFile
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", name)).ReplaceLineEndings("\n");
}
