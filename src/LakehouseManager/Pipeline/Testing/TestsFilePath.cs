namespace LakehouseManager.Pipeline.Testing;

/// <summary>The tests file's path (<c>--tests-path</c>) as git reads it: from the repository root, <c>/</c>-separated.</summary>
internal static class TestsFilePath
{
    /// <summary>
    /// Normalizes a path: <c>\</c> and <c>/</c> both separate folders, <c>.</c> and empty parts are dropped
    /// (<c>./tests//a.yaml</c> is <c>tests/a.yaml</c>), and an absolute path inside the repository is made relative to
    /// it. A path outside the repository, with <c>..</c>, or naming no file is an error.
    /// </summary>
    /// <param name="testsPath">The path as given.</param>
    /// <param name="repositoryDirectory">The repository's root, for absolute paths.</param>
    public static string Normalize(string? testsPath, string repositoryDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryDirectory);
        if (string.IsNullOrWhiteSpace(testsPath))
        {
            throw new LakehouseException(
                "--tests-path is required: the tests file's path from the root of the mirror repository, " +
                "e.g. tests/data-tests.yaml.");
        }

        var text = testsPath.Trim();
        if (Path.IsPathFullyQualified(text))
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryDirectory));
            var full = Path.GetFullPath(text);
            var relative = Path.GetRelativePath(root, full);
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
            {
                throw Invalid(testsPath, $"it lies outside the mirror repository '{root}'");
            }

            text = relative;
        }
        else if (text.StartsWith('/') || text.StartsWith('\\'))
        {
            throw Invalid(testsPath, "it must be relative to the repository root");
        }

        var parts = text.Split('/', '\\').Where(p => p.Length > 0 && p != ".").ToList();
        if (parts.Contains(".."))
        {
            throw Invalid(testsPath, "it must not contain '..'");
        }

        if (parts.Count == 0)
        {
            throw Invalid(testsPath, "it names no file");
        }

        if (parts.Any(p => p.Any(char.IsControl)))
        {
            throw Invalid(testsPath, "it must not hold control characters");
        }

        return string.Join('/', parts);
    }

    private static LakehouseException Invalid(string path, string reason) =>
        new($"Invalid tests path '{path}' (--tests-path): {reason}; give the path from the root of the mirror " +
            "repository, e.g. tests/data-tests.yaml.");
}
