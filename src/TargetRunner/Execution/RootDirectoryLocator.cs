namespace TargetRunner.Execution;

/// <summary>Finds the root directory: <c>--root</c> (no value: the working directory), else the first directory
/// with a <c>.nuke</c> directory or file walking up from the working directory.</summary>
internal static class RootDirectoryLocator
{
    public static AbsolutePath Locate(bool rootGiven, string? rootValue, string workingDirectory, string? configured)
    {
        if (rootGiven)
        {
            return AbsolutePath.Resolve(string.IsNullOrWhiteSpace(rootValue) ? "." : rootValue, workingDirectory);
        }

        if (configured is not null)
        {
            return AbsolutePath.Resolve(configured, workingDirectory);
        }

        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            var marker = Path.Combine(directory.FullName, ".nuke");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return AbsolutePath.Create(directory.FullName);
            }
        }

        throw new BuildException(
            $"Could not locate '.nuke' directory/file while walking up from '{workingDirectory}'. Either create a "
            + "directory/file to mark the root directory, or add '--root [path]' to the invocation.");
    }
}
