using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>The git commands the fake runs in its bare repositories (real git, so refs and commits are real).</summary>
internal static class CodeCommitFakeGit
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    public static Task InitBareAsync(string path, string defaultBranch, CancellationToken cancellationToken) =>
        RunCheckedAsync(Path.GetDirectoryName(path)!, ["init", "--bare", "--quiet", $"--initial-branch={defaultBranch}", path], null, cancellationToken);

    /// <summary>Every branch and its tip: <c>refs/heads/main</c> → commit id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> BranchesAsync(string repository, CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(
            repository, ["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/"], null, cancellationToken)
            .ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }

    /// <summary>The commit that <paramref name="revision"/> names; null when there is none.</summary>
    public static async Task<string?> CommitAsync(string repository, string revision, CancellationToken cancellationToken)
    {
        var result = await RunAsync(repository, ["rev-parse", "--verify", "--quiet", $"{revision}^{{commit}}"], null, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The blob of <paramref name="path"/> at <paramref name="commit"/>; null when the file does not exist there.</summary>
    public static async Task<string?> BlobAsync(string repository, string commit, string path, CancellationToken cancellationToken)
    {
        var result = await RunAsync(repository, ["rev-parse", "--verify", "--quiet", $"{commit}:{path}"], null, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public static async Task<string?> MergeBaseAsync(string repository, string a, string b, CancellationToken cancellationToken)
    {
        var result = await RunAsync(repository, ["merge-base", a, b], null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public static async Task<bool> IsAncestorAsync(string repository, string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await RunAsync(repository, ["merge-base", "--is-ancestor", ancestor, descendant], null, cancellationToken)
            .ConfigureAwait(false)).ExitCode == 0;

    /// <summary>The tree of merging <paramref name="theirs"/> into <paramref name="ours"/>; null when they conflict.</summary>
    public static async Task<string?> MergeTreeAsync(string repository, string ours, string theirs, CancellationToken cancellationToken)
    {
        var result = await RunAsync(repository, ["merge-tree", "--write-tree", "--no-messages", ours, theirs], null, cancellationToken)
            .ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => result.StandardOutput.Split('\n')[0].Trim(),
            1 => null,
            _ => throw new InvalidOperationException($"git merge-tree failed: {result.StandardError}"),
        };
    }

    /// <summary>A new commit of <paramref name="tree"/> with these parents, author and time.</summary>
    public static async Task<string> CommitTreeAsync(
        string repository, string tree, IReadOnlyList<string> parents, string message, string authorName, string email,
        DateTimeOffset time, CancellationToken cancellationToken)
    {
        var date = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = authorName,
            ["GIT_AUTHOR_EMAIL"] = email,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = authorName,
            ["GIT_COMMITTER_EMAIL"] = email,
            ["GIT_COMMITTER_DATE"] = date,
        };
        List<string> arguments = ["commit-tree", tree, .. parents.SelectMany(p => new[] { "-p", p }), "-m", message];
        return (await RunCheckedAsync(repository, arguments, environment, cancellationToken).ConfigureAwait(false)).Trim();
    }

    /// <summary>Moves <paramref name="reference"/> from <paramref name="expected"/> to <paramref name="commit"/>; false when it had moved.</summary>
    public static async Task<bool> UpdateRefAsync(
        string repository, string reference, string commit, string expected, CancellationToken cancellationToken) =>
        (await RunAsync(repository, ["update-ref", reference, commit, expected], null, cancellationToken).ConfigureAwait(false))
            .ExitCode == 0;

    private static async Task<string> RunCheckedAsync(
        string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(directory, arguments, environment, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}");
    }

    private static async Task<BufferedCommandResult> RunAsync(
        string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        return await Cli.Wrap("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(directory)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token)
            .ConfigureAwait(false);
    }
}
