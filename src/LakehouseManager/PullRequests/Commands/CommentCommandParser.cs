namespace LakehouseManager.PullRequests.Commands;

/// <summary>
/// The comment-command grammar (design §6). A comment is a command when its first non-blank line starts with the
/// prefix (<c>!</c> by default) directly followed by a letter: <c>!test</c>, <c>!test a b tag:nightly</c>,
/// <c>!sync</c>, <c>!status</c>, <c>!help</c>. Names ignore case. Anything else after the prefix is
/// <see cref="CommentCommandKind.Unknown"/> (answered with the help, never silence). Text that does not start with
/// the prefix and a letter (<c>! nice</c>, <c>!!</c>, a quote) is no command. Only the first line counts: the rest
/// of the comment is free text. No I/O.
/// </summary>
public static class CommentCommandParser
{
    /// <summary>The default prefix.</summary>
    public const string DefaultPrefix = "!";

    private const int MaxPrefixLength = 20;

    /// <summary>The command in <paramref name="body"/>, or null when the comment is not a command.</summary>
    public static CommentCommand? Parse(string? body, string prefix = DefaultPrefix)
    {
        RequirePrefix(prefix);
        var line = FirstLine(body);
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal) || line.Length == prefix.Length ||
            !char.IsLetter(line[prefix.Length]))
        {
            return null;
        }

        var words = line[prefix.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = words[0];
        var arguments = words[1..];
        return name.ToLowerInvariant() switch
        {
            "test" or "tests" => new CommentCommand(CommentCommandKind.Test, name, arguments),
            "sync" => NoArguments(CommentCommandKind.Sync, name, arguments, prefix),
            "status" => NoArguments(CommentCommandKind.Status, name, arguments, prefix),
            "help" => new CommentCommand(CommentCommandKind.Help, name, arguments),
            _ => new CommentCommand(CommentCommandKind.Unknown, name, arguments, $"`{prefix}{name}` is not a command."),
        };
    }

    /// <summary>
    /// Checks a prefix: 1 to 20 characters without white space, ending with neither a letter nor a digit (so that
    /// where the prefix ends and the command's name starts is never in doubt).
    /// </summary>
    public static string RequirePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > MaxPrefixLength || prefix.Any(char.IsWhiteSpace) || char.IsLetterOrDigit(prefix[^1]))
        {
            throw new LakehouseException(
                $"Invalid command prefix '{prefix}' (--command-prefix): it must be 1 to {MaxPrefixLength} characters without " +
                "spaces, and must not end with a letter or a digit, e.g. '!' (the default) or '/lakehouse:'.");
        }

        return prefix;
    }

    private static CommentCommand NoArguments(CommentCommandKind kind, string name, string[] arguments, string prefix) =>
        arguments.Length == 0
            ? new CommentCommand(kind, name, arguments)
            : new CommentCommand(
                CommentCommandKind.Unknown, name, arguments, $"`{prefix}{name.ToLowerInvariant()}` takes no arguments.");

    private static string? FirstLine(string? body)
    {
        if (body is null)
        {
            return null;
        }

        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed;
            }
        }

        return null;
    }
}
