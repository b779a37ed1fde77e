using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// One comment of the local host as a file: <c>001-comment.md</c> or <c>002-reply-to-001.md</c>, holding a small
/// front matter (author, date, the comment it answers, the idempotency token it was posted with; and, when a person
/// edits or deletes it by hand, <c>updated:</c> and <c>deleted: true</c>) and then the markdown exactly as posted. No
/// I/O here.
/// </summary>
internal static partial class LocalCommentFile
{
    private const string Fence = "---\n";

    /// <summary>The file name of comment <paramref name="number"/>, numbered with at least three digits.</summary>
    public static string FileName(int number, int? inReplyTo) =>
        inReplyTo is { } parent
            ? string.Create(CultureInfo.InvariantCulture, $"{number:D3}-reply-to-{parent:D3}.md")
            : string.Create(CultureInfo.InvariantCulture, $"{number:D3}-comment.md");

    /// <summary>The comment number of a file name, or null when the file is not a comment (a temp or lock file).</summary>
    public static int? TryNumber(string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>A comment id as the port passes it ("7" or "007"), or null when it is not one.</summary>
    public static int? TryParseId(string? id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    public static string Id(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string Format(string author, DateTimeOffset createdAt, int? inReplyTo, string markdown, string? token = null)
    {
        var builder = new StringBuilder(Fence)
            .Append("author: ").Append(author).Append('\n')
            .Append("date: ").Append(createdAt.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        if (inReplyTo is { } parent)
        {
            builder.Append("in-reply-to: ").Append(Id(parent)).Append('\n');
        }

        if (token is not null)
        {
            builder.Append("token: ").Append(token).Append('\n');
        }

        return builder.Append(Fence).Append(markdown).ToString();
    }

    /// <summary>
    /// Reads a comment file back. A file written by hand without front matter is all body, with the given fallbacks,
    /// so that a command typed into a file by a person is still read.
    /// </summary>
    public static PullRequestComment Parse(int number, string text, string fallbackAuthor, DateTimeOffset fallbackDate)
    {
        var author = fallbackAuthor;
        var date = fallbackDate;
        string? inReplyTo = null;
        string? token = null;
        DateTimeOffset? updated = null;
        var deleted = false;
        var body = text;
        var end = text.IndexOf("\n" + Fence, StringComparison.Ordinal);
        if (text.StartsWith(Fence, StringComparison.Ordinal) && end >= 0)
        {
            foreach (var line in text[Fence.Length..(end + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (name, value) = colon < 0 ? (line, string.Empty) : (line[..colon], line[(colon + 1)..].Trim());
                switch (name)
                {
                    case "author" when value.Length > 0:
                        author = value;
                        break;
                    case "date" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed):
                        date = parsed;
                        break;
                    case "in-reply-to" when TryParseId(value) is { } parent:
                        inReplyTo = Id(parent);
                        break;
                    case "token" when value.Length > 0:
                        token = value;
                        break;
                    case "updated" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var edited):
                        updated = edited;
                        break;
                    case "deleted":
                        deleted = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                }
            }

            body = text[(end + 1 + Fence.Length)..];
        }

        return new PullRequestComment(Id(number), author, deleted ? string.Empty : body, date, inReplyTo, updated, deleted, token);
    }

    /// <summary>An author name fits on the front matter's one line.</summary>
    public static string RequireAuthor(string author)
    {
        if (string.IsNullOrWhiteSpace(author) || author.Any(char.IsControl) || author.Trim() != author)
        {
            throw new LakehouseException(
                $"Invalid comment author '{author}': it must be one non-empty line without surrounding spaces.");
        }

        return author;
    }

    [GeneratedRegex(@"^([0-9]{3,})-(?:comment|reply-to-[0-9]{3,})\.md$")]
    private static partial Regex FileNamePattern();
}
