using TargetRunner;

/// <summary>Small file-system steps of the developer targets.</summary>
internal static class DevTasks
{
    public static void DeleteDirectory(AbsolutePath directory)
    {
        if (Directory.Exists(directory))
        {
            Log.Information("Deleting {Directory}", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The <c>bin/</c> and <c>obj/</c> folders of the projects under the given directories.</summary>
    public static IEnumerable<AbsolutePath> BuildOutputDirectories(params AbsolutePath[] roots) =>
        roots
            .Where(r => Directory.Exists(r))
            .SelectMany(r => Directory.EnumerateDirectories(r))
            .SelectMany(project => new[] { Path.Combine(project, "bin"), Path.Combine(project, "obj") })
            .Where(Directory.Exists)
            .Select(AbsolutePath.Create)
            .ToList();

    /// <summary>Renames a published app host (the executable that starts the app) and returns its new path.</summary>
    public static AbsolutePath RenameAppHost(AbsolutePath directory, string from, string to)
    {
        var extension = OperatingSystem.IsWindows() ? ".exe" : string.Empty;
        var source = directory / (from + extension);
        var target = directory / (to + extension);
        File.Move(source, target, overwrite: true);
        return target;
    }
}
