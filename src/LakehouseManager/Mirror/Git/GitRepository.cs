using LakehouseManager.Processes;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The git operations the mirror needs, for one repository (a working tree, or a bare repository), all run through
/// the process wrapper with the same safety settings: no line-ending or unicode conversion of file contents and names,
/// literal pathspecs, machine-readable output (<c>-z</c> wherever paths come back), a fixed committer identity, no
/// prompts and no editor. Failures raise <see cref="GitException"/>; expected outcomes (a rejected push, a conflict)
/// are results.
/// </summary>
public sealed partial class GitRepository
{
    // Applied to every call. A view's bytes and names must reach the repository unchanged: no CRLF conversion, no
    // quoting of non-ASCII names, no precomposing of decomposed (NFD) names on macOS.
    private static readonly string[] s_globalOptions =
    [
        "-c", "core.quotepath=off",
        "-c", "core.autocrlf=false",
        "-c", "core.safecrlf=false",
        "-c", "core.precomposeunicode=false",
        "--literal-pathspecs",
    ];

    private readonly Command _git;

    /// <summary>A repository at an existing directory (its root, or a bare repository's directory).</summary>
    public GitRepository(string directory, GitOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        Options = options ?? GitOptions.Default;
        _git = CreateCommand(Options, Directory);
    }

    /// <summary>The full path of the repository's directory; every git call runs there.</summary>
    public string Directory { get; }

    public GitOptions Options { get; }

    public override string ToString() => Directory;

    /// <summary>Creates (if needed) and initialises a repository; the initial branch is named explicitly so the
    /// user's <c>init.defaultBranch</c> does not matter.</summary>
    public static async Task<GitRepository> InitAsync(
        string directory,
        bool bare = false,
        string initialBranch = "main",
        GitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        RequireName(initialBranch, "initial branch");
        System.IO.Directory.CreateDirectory(directory);
        var repository = new GitRepository(directory, options);
        await repository.RunAsync(
            "init",
            a => a.Add("init").Add("--quiet").Add(bare ? ["--bare"] : []).Add("--initial-branch=" + initialBranch),
            cancellationToken).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Clones <paramref name="source"/> (a URL or a path) into <paramref name="directory"/>.</summary>
    public static async Task<GitRepository> CloneAsync(
        string source,
        string directory,
        string? branch = null,
        GitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target) ?? target;
        System.IO.Directory.CreateDirectory(parent);
        var runner = new GitRepository(parent, options);
        await runner.RunAsync(
            "clone",
            a =>
            {
                a.Add("clone").Add("--quiet").Add("--origin").Add("origin");
                if (branch is not null)
                {
                    a.Add("--branch").Add(RequireName(branch, "branch"));
                }

                a.Add("--");
                AddUrl(a, source);
                a.Add(target);
            },
            cancellationToken).ConfigureAwait(false);
        return new GitRepository(target, options);
    }

    private static Command CreateCommand(GitOptions options, string directory) =>
        Cli.Wrap(options.GitPath)
            .WithWorkingDirectory(directory)
            .WithTimeout(options.Timeout)
            .WithTimeProvider(options.TimeProvider)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(e => e
                .Set("GIT_AUTHOR_NAME", options.Identity.Name)
                .Set("GIT_AUTHOR_EMAIL", options.Identity.Email)
                .Set("GIT_COMMITTER_NAME", options.Identity.Name)
                .Set("GIT_COMMITTER_EMAIL", options.Identity.Email)
                // Never wait for a human: no credential prompt, no editor, no pager; English messages.
                .Set("GIT_TERMINAL_PROMPT", "0")
                .Set("GCM_INTERACTIVE", "never")
                .Set("GIT_EDITOR", ":")
                .Set("GIT_PAGER", "cat")
                .Set("LC_ALL", "C")
                .Set(options.EnvironmentVariables));

    /// <summary>An argument that must not be read as an option or be empty (branch, remote, rev names).</summary>
    private static string RequireName(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.StartsWith('-') || value.Any(char.IsControl))
        {
            throw new LakehouseException(
                $"Invalid git {what} '{value}': it must be non-empty, not start with '-', and hold no control characters.");
        }

        return value;
    }

    /// <summary>A URL with a password in it is masked in messages.</summary>
    private static void AddUrl(ArgumentsBuilder arguments, string url)
    {
        var hasPassword = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal);
        if (hasPassword)
        {
            arguments.AddSensitive(url);
        }
        else
        {
            arguments.Add(url);
        }
    }
}
