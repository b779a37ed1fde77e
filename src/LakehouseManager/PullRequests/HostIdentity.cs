namespace LakehouseManager.PullRequests;

/// <summary>
/// Who the tool is on a pull-request host: the author its comments carry. On AWS the author is an ARN, and an
/// assumed role's ARN names a session that changes from build to build
/// (<c>arn:aws:sts::123456789012:assumed-role/LakehouseBot/build-1</c>), so comments are the tool's own when they name
/// the same role, whatever the session.
/// </summary>
public sealed record HostIdentity(string Author)
{
    /// <summary>Whether <paramref name="author"/> is this identity (the same role for assumed-role ARNs).</summary>
    public bool Is(string? author) => author is not null && Principal(author) == Principal(Author);

    /// <summary>Whether the comment was written by this identity.</summary>
    public bool Wrote(PullRequestComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return Is(comment.Author);
    }

    /// <summary>
    /// The stable part of an author: for <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c> the account and role;
    /// anything else as it is.
    /// </summary>
    public static string Principal(string author)
    {
        ArgumentNullException.ThrowIfNull(author);
        var parts = author.Split(':', 6);
        if (parts.Length == 6 && parts[0] == "arn" && parts[2] == "sts" && parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var role = parts[5].Split('/');
            return role.Length >= 2 ? $"arn:aws:iam::{parts[4]}:role/{role[1]}" : author;
        }

        return author;
    }
}
