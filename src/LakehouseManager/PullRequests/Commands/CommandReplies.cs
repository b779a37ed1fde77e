using System.Text;

namespace LakehouseManager.PullRequests.Commands;

/// <summary>
/// The texts of the tool's replies to commands (markdown). None of them starts with a command prefix, so a reply can
/// never be read as a command. No I/O.
/// </summary>
internal static class CommandReplies
{
    /// <summary>The help: every command, and why this comment got it when it was not a command.</summary>
    public static string Help(string prefix, string? problem = null, string? testsPath = null)
    {
        var builder = new StringBuilder();
        if (problem is not null)
        {
            builder.Append(problem).Append("\n\n");
        }

        var tests = testsPath is null ? "the data tests" : $"the data tests of `{testsPath}`";
        return builder
            .Append("**Lakehouse Manager** answers these commands, written at the start of a comment on the pull request:\n\n")
            .Append("| command | what it does |\n|---|---|\n")
            .Append($"| `{prefix}test` | runs {tests} against the catalog state this pull request's mirror recorded, and replies with the results |\n")
            .Append($"| `{prefix}test NAME ... tag:TAG ...` | runs only the tests named, or tagged |\n")
            .Append($"| `{prefix}sync` | mirrors the catalog branch into this pull request's branch now |\n")
            .Append($"| `{prefix}status` | where the pull request, its mirror and its catalog branch stand |\n")
            .Append($"| `{prefix}help` | this help |\n\n")
            .Append("Each command is answered once, in its thread. Editing a command does not run it again: post it again instead.")
            .ToString();
    }

    /// <summary>The short acknowledgement of a long command, posted before its result.</summary>
    public static string Acknowledgement(CommentCommand command, string prefix) => command.Kind switch
    {
        CommentCommandKind.Test => $"Running the data tests (`{command.Text(prefix)}`): the results follow in this thread.",
        _ => $"Working on `{command.Text(prefix)}`: the result follows in this thread.",
    };

    /// <summary>The answer to a caller the allowlist does not name.</summary>
    public static string NotAllowed(CommentCommand command, string prefix, string author) =>
        $"`{command.Text(prefix)}` was not run: `{author}` may not run `{prefix}{command.Kind.ToString().ToLowerInvariant()}` " +
        "on this repository (`--command-allowlist`). Ask someone who may, or the maintainers of the pipeline.";

    /// <summary>
    /// Where a pull request stands: its state, the git branch's last mirror commit and the catalog hash it records,
    /// and the catalog branch's head.
    /// </summary>
    public static string Status(
        PullRequest pullRequest, string? mirrorCommit, string? mirroredHash, string? catalogHead, string prefix)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var state = pullRequest.IsMerged ? "merged" : pullRequest.Status == PullRequestStatus.Open ? "open" : "closed without a merge";
        var builder = new StringBuilder()
            .Append($"**Pull request {pullRequest.Id}** (`{pullRequest.SourceBranch}` → `{pullRequest.TargetBranch}`) is {state}.\n\n")
            .Append($"- Git branch `{pullRequest.SourceBranch}` is at `{Naming.HashText.Short(pullRequest.ReviewedSourceCommit)}`");
        builder.Append(mirrorCommit is null
            ? "; it has no mirror commit yet.\n"
            : $"; its last mirror commit `{Naming.HashText.Short(mirrorCommit)}` records catalog branch `{pullRequest.SourceBranch}` at `{Naming.HashText.Short(mirroredHash)}`.\n");
        builder.Append(catalogHead is null
            ? $"- Catalog branch `{pullRequest.SourceBranch}` does not exist.\n"
            : $"- Catalog branch `{pullRequest.SourceBranch}` is at `{Naming.HashText.Short(catalogHead)}`: " +
              (catalogHead == mirroredHash ? "the mirror is up to date.\n" : $"the mirror is behind; comment `{prefix}sync` to bring it up to date.\n"));
        return builder.ToString();
    }
}
