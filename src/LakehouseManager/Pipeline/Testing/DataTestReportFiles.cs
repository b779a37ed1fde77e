namespace LakehouseManager.Pipeline.Testing;

/// <summary>
/// Where a data-test run's reports go: <c>&lt;artifacts&gt;/test-results/data-tests.md</c> (the full markdown report)
/// and <c>data-tests.xml</c> (JUnit XML, which CodeBuild report groups read).
/// </summary>
/// <param name="MarkdownPath">The full path of the markdown report.</param>
/// <param name="JUnitPath">The full path of the JUnit XML report.</param>
public sealed record DataTestReportFiles(string MarkdownPath, string JUnitPath)
{
    /// <summary>The folder under the artifacts folder.</summary>
    public const string Folder = "test-results";

    public const string MarkdownFileName = "data-tests.md";

    public const string JUnitFileName = "data-tests.xml";

    /// <summary>The report paths under an artifacts folder (made absolute against the current directory).</summary>
    public static DataTestReportFiles In(string artifactsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsDirectory);
        var folder = Path.Combine(Path.GetFullPath(artifactsDirectory), Folder);
        return new DataTestReportFiles(Path.Combine(folder, MarkdownFileName), Path.Combine(folder, JUnitFileName));
    }

    /// <summary>
    /// Deletes both reports when they exist (the folder stays): a run deletes them first, so that a run that stops
    /// early leaves no earlier run's report behind to be read as its own.
    /// </summary>
    public void Delete()
    {
        // File.Delete ignores a missing file but not (on Windows) a missing folder.
        foreach (var path in (string[])[MarkdownPath, JUnitPath])
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
