namespace LakehouseManager.PullRequests.Commands;

/// <summary>
/// A command read from a comment: its kind, the name as typed (<c>test</c>, <c>tset</c>), its arguments (for
/// <c>!test</c>: test names and <c>tag:x</c> terms), and, for <see cref="CommentCommandKind.Unknown"/>, why it is not
/// one of the commands.
/// </summary>
public sealed record CommentCommand(CommentCommandKind Kind, string Name, IReadOnlyList<string> Arguments, string? Problem = null)
{
    /// <summary>Whether the command takes long enough to deserve an acknowledgement before its result.</summary>
    public bool IsLong => Kind is CommentCommandKind.Test or CommentCommandKind.Sync;

    /// <summary>The command as typed, e.g. <c>!test a tag:x</c>.</summary>
    public string Text(string prefix) =>
        Arguments.Count == 0 ? $"{prefix}{Name}" : $"{prefix}{Name} {string.Join(' ', Arguments)}";
}
