using System.Text;
using LakehouseManager.Mirror.Git;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>
/// Reads the tests file from the pull request's source branch in the mirror repository (design §5), never from the
/// working tree: what is tested is what was pushed to the branch under review, whatever is checked out.
/// </summary>
internal static class TestsFileReader
{
    private const int MaxCandidates = 5;
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] s_testFileExtensions = [".json", ".yaml", ".yml"];

    /// <summary>
    /// When the repository has the remote and the remote has the branch, fetches it and reads
    /// <c>&lt;remote&gt;/&lt;branch&gt;:&lt;path&gt;</c>; otherwise reads the local branch. A missing branch or file is
    /// an error that names the path, the branch and the ref read.
    /// </summary>
    public static async Task<TestsFileSource> ReadAsync(
        GitRepository repository,
        string? remote,
        string branch,
        string testsPath,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (string.IsNullOrWhiteSpace(branch))
        {
            throw new LakehouseException(
                "--to-ref is required: the pull request's source branch, whose tests file is read and whose catalog " +
                "branch the tests run against.");
        }

        logger ??= NullLogger.Instance;
        var path = TestsFilePath.Normalize(testsPath, repository.Directory);
        var (fullRef, shownRef) = await ResolveBranchAsync(repository, remote, branch, logger, cancellationToken)
            .ConfigureAwait(false);
        var commit = await repository.History.RevParseAsync(fullRef + "^{commit}", cancellationToken).ConfigureAwait(false)
            ?? throw new LakehouseException(
                $"Branch '{branch}' (--to-ref) of the mirror repository '{repository.Directory}' has no commit ({shownRef}).");

        var bytes = await repository.Objects.ReadFileAsync(commit, path, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            throw await MissingFileAsync(repository, path, branch, shownRef, commit, cancellationToken).ConfigureAwait(false);
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new LakehouseException(
                $"The tests file '{path}' on branch '{branch}' ({shownRef}) is not UTF-8 text; save it as UTF-8.");
        }

        var source = new TestsFileSource(path, branch, shownRef, commit, text);
        logger.LogInformation("Read the tests file {TestsFile}", source);
        return source;
    }

    /// <summary>The ref to read: the remote-tracking branch right after a fetch, else the local branch.</summary>
    private static async Task<(string FullRef, string ShownRef)> ResolveBranchAsync(
        GitRepository repository, string? remote, string branch, ILogger logger, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        if (remote is not null)
        {
            if (!await repository.Remotes.HasRemoteAsync(remote, cancellationToken).ConfigureAwait(false))
            {
                tried.Add($"the repository has no remote '{remote}'");
            }
            else if (await repository.Remotes.RemoteBranchExistsAsync(remote, branch, cancellationToken).ConfigureAwait(false))
            {
                // Asked first, so that a branch deleted on the remote is not read from a stale remote-tracking ref.
                await repository.Remotes.FetchAsync(remote, branch, cancellationToken).ConfigureAwait(false);
                if (await repository.Remotes.RemoteTrackingBranchExistsAsync(remote, branch, cancellationToken).ConfigureAwait(false))
                {
                    return ($"refs/remotes/{remote}/{branch}", $"{remote}/{branch}");
                }

                tried.Add($"'{remote}/{branch}' is missing after fetching it");
            }
            else
            {
                tried.Add($"remote '{remote}' has no branch '{branch}'");
            }
        }

        if (await repository.History.LocalBranchExistsAsync(branch, cancellationToken).ConfigureAwait(false))
        {
            if (tried.Count > 0)
            {
                logger.LogInformation("Reading the local branch '{Branch}': {Reason}", branch, string.Join("; ", tried));
            }

            return ($"refs/heads/{branch}", branch);
        }

        tried.Add($"there is no local branch '{branch}'");
        throw new LakehouseException(
            $"Branch '{branch}' (--to-ref) was not found in the mirror repository '{repository.Directory}': " +
            $"{string.Join("; ", tried)}. Check the branch name, and that the repository (--repo-path) is the mirror.");
    }

    private static async Task<LakehouseException> MissingFileAsync(
        GitRepository repository, string path, string branch, string shownRef, string commit, CancellationToken cancellationToken)
    {
        var files = await repository.Objects.ListTreeFilesAsync(commit, cancellationToken: cancellationToken).ConfigureAwait(false);
        var candidates = files
            .Where(f => s_testFileExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)) &&
                        Path.GetFileName(f).Contains("test", StringComparison.OrdinalIgnoreCase))
            .Take(MaxCandidates)
            .ToList();
        var hint = candidates.Count > 0
            ? $" Tests files there: {string.Join(", ", candidates)}."
            : string.Empty;
        return new LakehouseException(
            $"The tests file '{path}' does not exist on branch '{branch}' (read {shownRef} at commit {commit[..7]}) of " +
            $"the mirror repository '{repository.Directory}'. Check --tests-path: the path of the tests file from the " +
            $"repository root, committed and pushed to the branch.{hint}");
    }
}
