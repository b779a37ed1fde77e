namespace LakehouseManager.PullRequests.Commands;

/// <summary>Where a comment stands as a command.</summary>
internal enum CommandState
{
    /// <summary>Not a command: ordinary discussion.</summary>
    NotACommand,

    /// <summary>Written by the tool itself.</summary>
    OwnComment,

    /// <summary>Deleted: never run.</summary>
    Deleted,

    /// <summary>The tool already replied to it: the reply is the record that it was handled.</summary>
    Answered,

    /// <summary>A command nobody has answered yet.</summary>
    Pending,
}

/// <summary>
/// Exactly once (design §6): a command is handled when the tool's own reply (<c>inReplyTo</c> the command) exists.
/// There is no other record, so re-delivered events, restarts and edits of the command never run it again. No I/O:
/// the caller reads the comments.
/// </summary>
internal static class CommandLedger
{
    /// <summary>The state of <paramref name="comment"/> among all the comments of its pull request.</summary>
    public static CommandState StateOf(
        PullRequestComment comment, IEnumerable<PullRequestComment> comments, HostIdentity identity, string prefix)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Wrote(comment))
        {
            return CommandState.OwnComment;
        }

        if (comment.IsDeleted)
        {
            return CommandState.Deleted;
        }

        if (CommentCommandParser.Parse(comment.Body, prefix) is null)
        {
            return CommandState.NotACommand;
        }

        return FindAnswer(comment.Id, comments, identity) is null ? CommandState.Pending : CommandState.Answered;
    }

    /// <summary>The tool's first reply to the comment <paramref name="commentId"/>, or null.</summary>
    public static PullRequestComment? FindAnswer(string commentId, IEnumerable<PullRequestComment> comments, HostIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return comments
            .Where(c => c.InReplyTo == commentId && identity.Wrote(c))
            .OrderBy(c => c.CreatedAt)
            .FirstOrDefault();
    }

    /// <summary>The commands nobody has answered yet, oldest first.</summary>
    public static IReadOnlyList<PullRequestComment> Pending(
        IReadOnlyCollection<PullRequestComment> comments, HostIdentity identity, string prefix)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return comments
            .Where(c => StateOf(c, comments, identity, prefix) == CommandState.Pending)
            .OrderBy(c => c.CreatedAt)
            .ToList();
    }
}
