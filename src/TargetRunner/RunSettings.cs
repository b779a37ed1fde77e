namespace TargetRunner;

/// <summary>
/// Everything a run takes from its surroundings, so that tests can run a build in-process with their own arguments,
/// environment and writers. <see cref="NukeBuild"/>'s <c>Execute</c> fills it from the real process.
/// </summary>
public sealed record RunSettings
{
    /// <summary>The command-line arguments (without the program name).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The environment variables parameters and hosts are read from.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the log, help and summary go; also where targets' <see cref="Console.Out"/> writes go.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where targets' <see cref="Console.Error"/> writes go (default: <see cref="Out"/>).</summary>
    public TextWriter? Error { get; init; }

    /// <summary>
    /// The directory the root is searched from (walking up to the first <c>.nuke</c>), and against which relative
    /// path parameters from the command line and the environment are resolved (those from parameters files resolve
    /// against the root directory).
    /// </summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>A root directory to use when <c>--root</c> is not given (skips the search).</summary>
    public string? RootDirectory { get; init; }

    /// <summary>Whether <see cref="Out"/> is a real console (colours are used only then, on a terminal host).</summary>
    public bool IsConsole { get; init; }

    /// <summary>The clock for log times and durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Cancelled on Ctrl-C/SIGTERM: the running target is aborted, the rest is not run.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The directory of the build assembly (default: the runner's base directory).</summary>
    public string? BuildAssemblyDirectory { get; init; }
}
