using System.Runtime.CompilerServices;
using System.Text;
using LakehouseManager.IO;

namespace LakehouseManager.PullRequests.Local;

internal sealed partial class LocalPullRequestHost
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The folder that holds the comments of a pull request.</summary>
    public string CommentFolder(PullRequest pullRequest)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        return FolderOf(pullRequest.Id);
    }

    private string FolderOf(string pullRequestId) => Path.Combine(ReportsFolder, PullRequestFolderName.For(pullRequestId));

    /// <summary>The comments in number order; files that are not comments (temp, lock, the record) are ignored.</summary>
    public async IAsyncEnumerable<PullRequestComment> ListCommentsAsync(
        PullRequest pullRequest, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (path, number) in CommentFiles(CommentFolder(pullRequest)))
        {
            yield return await ReadCommentAsync(path, number, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<PullRequestComment?> GetCommentAsync(
        PullRequest pullRequest, string commentId, CancellationToken cancellationToken = default)
    {
        if (LocalCommentFile.TryParseId(commentId) is not { } wanted)
        {
            return null;
        }

        foreach (var (path, number) in CommentFiles(CommentFolder(pullRequest)).Where(f => f.Number == wanted))
        {
            return await ReadCommentAsync(path, number, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public Task<PullRequestComment> PostCommentAsync(
        PullRequest pullRequest, string markdown, string idempotencyToken, CancellationToken cancellationToken = default) =>
        WriteCommentAsync(pullRequest, Author, inReplyTo: null, markdown, idempotencyToken, cancellationToken);

    /// <summary>
    /// Posts a comment as someone else than the tool, e.g. a reviewer's <c>!test</c> in a demo or a test. Not part of
    /// the port: on a real host people post their own comments.
    /// </summary>
    public Task<PullRequestComment> PostCommentAsAsync(
        PullRequest pullRequest, string author, string markdown, CancellationToken cancellationToken = default) =>
        WriteCommentAsync(pullRequest, LocalCommentFile.RequireAuthor(author), inReplyTo: null, markdown, token: null, cancellationToken);

    public Task<PullRequestComment> ReplyAsync(
        PullRequest pullRequest,
        string inReplyToCommentId,
        string markdown,
        string idempotencyToken,
        CancellationToken cancellationToken = default)
    {
        var parent = LocalCommentFile.TryParseId(inReplyToCommentId) ?? throw new LakehouseException(
            $"Cannot reply to comment '{inReplyToCommentId}' on {pullRequest}: local comment ids are numbers (1, 2, ...).");
        return WriteCommentAsync(pullRequest, Author, parent, markdown, idempotencyToken, cancellationToken);
    }

    private static IEnumerable<(string Path, int Number)> CommentFiles(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder)
                .Select(path => (Path: path, Number: LocalCommentFile.TryNumber(Path.GetFileName(path))))
                .Where(f => f.Number is not null)
                .Select(f => (f.Path, f.Number!.Value))
                .OrderBy(f => f.Item2)
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .ToList();

    private static async Task<PullRequestComment> ReadCommentAsync(string path, int number, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, s_utf8, cancellationToken).ConfigureAwait(false);
        var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        return LocalCommentFile.Parse(number, text, "unknown", modified);
    }

    /// <summary>
    /// Writes the next comment under the folder's lock: the number is the highest so far plus one, and the file
    /// appears whole (written to a temp file, then renamed without overwriting), so readers never see half of it. A
    /// comment already posted with the same idempotency token is returned instead, whatever its text.
    /// </summary>
    private async Task<PullRequestComment> WriteCommentAsync(
        PullRequest pullRequest, string author, int? inReplyTo, string markdown, string? token, CancellationToken cancellationToken)
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

        if (token is not null && (string.IsNullOrWhiteSpace(token) || token.Any(char.IsControl)))
        {
            throw new ArgumentException("An idempotency token is one non-empty line.", nameof(token));
        }

        var folder = CommentFolder(pullRequest);
        Directory.CreateDirectory(folder);
        using var folderLock = await FileLock.AcquireAsync(
            Path.Combine(folder, ".lock"), "another process posting on this pull request", TimeSpan.FromSeconds(30), _timeProvider,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var files = CommentFiles(folder).ToList();
        if (token is not null)
        {
            foreach (var (existingPath, existingNumber) in files)
            {
                var existing = await ReadCommentAsync(existingPath, existingNumber, cancellationToken).ConfigureAwait(false);
                if (existing.IdempotencyToken == token)
                {
                    return existing;
                }
            }
        }

        var numbers = files.Select(f => f.Number).ToHashSet();
        if (inReplyTo is { } parent && !numbers.Contains(parent))
        {
            throw new LakehouseException(
                $"Cannot reply to comment {parent} on {pullRequest}: there is no such comment in '{folder}'.");
        }

        var number = numbers.Count == 0 ? 1 : numbers.Max() + 1;
        var createdAt = _timeProvider.GetUtcNow();
        var path = Path.Combine(folder, LocalCommentFile.FileName(number, inReplyTo));
        await AtomicFile.CreateTextAsync(path, LocalCommentFile.Format(author, createdAt, inReplyTo, markdown, token), Redactor, cancellationToken)
            .ConfigureAwait(false);

        return new PullRequestComment(
            LocalCommentFile.Id(number), author, markdown, createdAt, inReplyTo is { } p ? LocalCommentFile.Id(p) : null,
            IdempotencyToken: token);
    }
}
