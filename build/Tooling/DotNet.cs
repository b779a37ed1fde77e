using TargetRunner;

/// <summary>Runs the <c>dotnet</c> CLI from the root directory: the same host that runs the build, when it is one.</summary>
internal static class DotNet
{
    public static Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnFailure = true) =>
        ProcessRunner.RunAsync(Executable, arguments, NukeBuild.RootDirectory, cancellationToken, throwOnFailure);

    /// <summary>The running <c>dotnet</c> host (build.sh may have found it outside PATH), else <c>dotnet</c> on PATH.</summary>
    private static string Executable =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
