namespace LakehouseManager.Mirror.Git;

/// <summary>
/// One git repository (a working tree, or a bare repository) and the git operations the mirror needs, grouped by job:
/// <see cref="History"/> (commits, branches, ancestry, watermarks), <see cref="WorkTree"/> (status, staging, commits
/// from the index, switching and resetting), <see cref="Merges"/> (merging into and rebasing the checked-out branch),
/// <see cref="Remotes"/> (fetch, push) and <see cref="Objects"/> (trees and blobs at a commit). Every call runs git
/// through the same <see cref="GitRunner"/>: machine-readable output (<c>-z</c> wherever paths come back), literal
/// pathspecs, no conversion of file contents or names, a fixed identity, no prompts. Failures raise
/// <see cref="GitException"/>; expected outcomes (a rejected push, a conflict) are results.
/// </summary>
public sealed class GitRepository
{
    /// <summary>A repository at an existing directory (its root, or a bare repository's directory).</summary>
    public GitRepository(string directory, GitOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        Options = options ?? GitOptions.Default;
        Runner = new GitRunner(Directory, Options);
        History = new GitHistory(this);
        WorkTree = new GitWorkTree(this);
        Merges = new GitMerges(this);
        Remotes = new GitRemotes(this);
        Objects = new GitObjects(this);
    }

    /// <summary>The full path of the repository's directory; every git call runs there.</summary>
    public string Directory { get; }

    public GitOptions Options { get; }

    /// <summary>Commits, branches, ancestry, trailers and the mirror's watermarks.</summary>
    public GitHistory History { get; }

    /// <summary>The checked-out branch, its files and its index: status, staging, committing, switching, resetting.</summary>
    public GitWorkTree WorkTree { get; }

    /// <summary>Merging into and rebasing the checked-out branch, with conflicts as results.</summary>
    public GitMerges Merges { get; }

    /// <summary>Remotes: adding, fetching, pushing, and what the remote has.</summary>
    public GitRemotes Remotes { get; }

    /// <summary>Trees and blobs: the files at a commit, their bytes, and what changed between two commits.</summary>
    public GitObjects Objects { get; }

    internal GitRunner Runner { get; }

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
        GitArguments.RequireName(initialBranch, "initial branch");
        System.IO.Directory.CreateDirectory(directory);
        var repository = new GitRepository(directory, options);
        await repository.Runner.RunAsync(
            "init",
            a => a.Add("init").Add("--quiet").Add(bare ? ["--bare"] : []).Add("--initial-branch=" + initialBranch),
            cancellationToken).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Clones <paramref name="source"/> (a URL or a path) into <paramref name="directory"/>, naming the remote
    /// <paramref name="remoteName"/>.</summary>
    public static async Task<GitRepository> CloneAsync(
        string source,
        string directory,
        string? branch = null,
        GitOptions? options = null,
        string remoteName = "origin",
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target) ?? target;
        System.IO.Directory.CreateDirectory(parent);
        await new GitRunner(parent, options ?? GitOptions.Default).RunAsync(
            "clone",
            a =>
            {
                a.Add("clone").Add("--quiet").Add("--origin").Add(GitArguments.RequireName(remoteName, "remote"));
                if (branch is not null)
                {
                    a.Add("--branch").Add(GitArguments.RequireName(branch, "branch"));
                }

                a.Add("--").AddUrl(source).Add(target);
            },
            cancellationToken).ConfigureAwait(false);
        return new GitRepository(target, options);
    }

    /// <summary>The full path of the repository's git directory (<c>.git</c> of a working tree).</summary>
    public async Task<string> GetGitDirectoryAsync(CancellationToken cancellationToken = default)
    {
        var result = await Runner.RunAsync(
            "rev-parse --absolute-git-dir", a => a.Add("rev-parse").Add("--absolute-git-dir"), cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput.TrimEnd('\n');
    }

    /// <summary>The full path of the working tree's top folder (differs from <see cref="Directory"/> in a sub-folder).</summary>
    public async Task<string> GetTopLevelAsync(CancellationToken cancellationToken = default)
    {
        var result = await Runner.RunAsync(
            "rev-parse --show-toplevel", a => a.Add("rev-parse").Add("--show-toplevel"), cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(result.StandardOutput.TrimEnd('\n'));
    }
}
