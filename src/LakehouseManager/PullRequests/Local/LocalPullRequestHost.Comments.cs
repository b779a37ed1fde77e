using System.Runtime.CompilerServices;
using System.Text;
using LakehouseManager.IO;

namespace LakehouseManager.PullRequests.Local;

public sealed partial class LocalPullRequestHost
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder that holds the comments of a pull request.</summary>
    public string CommentFolder(PullRequest pullRequest)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        return Path.Combine(ReportsFolder, PullRequestFolderName.For(pullRequest.Id));
    }

    /// <summary>The comments in number order; files that are not comments (temp, lock, others) are ignored.</summary>
    public async IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = CommentFolder(pullRequest);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var files = Directory.EnumerateFiles(folder)
            .Select(path => (Path: path, Number: LocalCommentFile.TryNumber(Path.GetFileName(path))))
            .Where(f => f.Number is not null)
            .OrderBy(f => f.Number)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var (path, number) in files)
        {
            var text = await File.ReadAllTextAsync(path, s_utf8, cancellationToken).ConfigureAwait(false);
            var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            yield return LocalCommentFile.Parse(number!.Value, text, "unknown", modified);
        }
    }

    public Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, CancellationToken cancellationToken = default) =>
        WriteCommentAsync(pullRequest, Author, inReplyTo: null, markdown, cancellationToken);

    /// <summary>
    /// Posts a comment as someone else than the tool, e.g. a reviewer's <c>!test</c> in a demo or a test. Not part of
    /// the port: on a real host people post their own comments.
    /// </summary>
    public Task<PullRequestComment> PostCommentAsAsync(
        PullRequest pullRequest, string author, string markdown, CancellationToken cancellationToken = default) =>
        WriteCommentAsync(pullRequest, LocalCommentFile.RequireAuthor(author), inReplyTo: null, markdown, cancellationToken);

    public Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest,
        string inReplyToCommentId,
        string markdown,
        CancellationToken cancellationToken = default)
    {
        var parent = LocalCommentFile.TryParseId(inReplyToCommentId) ?? throw new LakehouseException(
            $"Cannot reply to comment '{inReplyToCommentId}' on {pullRequest}: local comment ids are numbers (1, 2, ...).");
        return WriteCommentAsync(pullRequest, Author, parent, markdown, cancellationToken);
    }

    /// <summary>
    /// Writes the next comment under the folder's lock: the number is the highest so far plus one, and the file
    /// appears whole (written to a temp file, then renamed without overwriting), so readers never see half of it.
    /// </summary>
    private async Task<PullRequestComment> WriteCommentAsync(
        PullRequest pullRequest, string author, int? inReplyTo, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(markdown);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new LakehouseException($"Cannot post an empty comment on {pullRequest}.");
        }

        if (markdown.Length > MaxCommentLength)
        {
            throw new LakehouseException(
                $"The comment for {pullRequest} is {markdown.Length} characters long; the limit is {MaxCommentLength}. " +
                "Cut the report before posting it.");
        }

        var folder = CommentFolder(pullRequest);
        Directory.CreateDirectory(folder);
        using var folderLock = await FileLock.AcquireAsync(
            Path.Combine(folder, ".lock"), "another process posting on this pull request", TimeSpan.FromSeconds(30), _timeProvider,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var numbers = Directory.EnumerateFiles(folder)
            .Select(path => LocalCommentFile.TryNumber(Path.GetFileName(path)))
            .OfType<int>()
            .ToHashSet();
        if (inReplyTo is { } parent && !numbers.Contains(parent))
        {
            throw new LakehouseException(
                $"Cannot reply to comment {parent} on {pullRequest}: there is no such comment in '{folder}'.");
        }

        var number = numbers.Count == 0 ? 1 : numbers.Max() + 1;
        var createdAt = _timeProvider.GetUtcNow();
        var path = Path.Combine(folder, LocalCommentFile.FileName(number, inReplyTo));
        await AtomicFile.CreateTextAsync(path, LocalCommentFile.Format(author, createdAt, inReplyTo, markdown), cancellationToken)
            .ConfigureAwait(false);

        return new PullRequestComment(
            LocalCommentFile.Id(number), author, markdown, createdAt, inReplyTo is { } p ? LocalCommentFile.Id(p) : null);
    }
}
