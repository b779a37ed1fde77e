using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Commands;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>
/// Comment commands (design §6): <c>!test</c>, <c>!sync</c>, <c>!status</c>, <c>!help</c>. Each is answered once: the
/// tool's reply in the command's thread is the record that it was handled (<see cref="CommandLedger"/>), and every
/// reply carries an idempotency token made from the command, so concurrent or repeated runs post it once. A long
/// command gets a short acknowledgement first, then its result in the same thread.
/// </summary>
public sealed partial class LakehousePipeline
{
    /// <summary>Runs the command of one comment of the pull request, unless it is not one, is the tool's own, is deleted or is answered.</summary>
    public async Task<ReviewOutcome> HandleCommentAsync(
        PullRequest pullRequest, string commentId, ReviewSettings review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(review);
        var host = _lakehouse.PullRequestHost;
        var identity = await host.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
        var comments = await ListCommentsAsync(pullRequest, cancellationToken).ConfigureAwait(false);
        var comment = comments.FirstOrDefault(c => c.Id == commentId) ?? throw new LakehouseException(
            $"Comment {commentId} is not a comment of {pullRequest} in repository '{pullRequest.Repository}': check the event's " +
            "pullRequestId and commentId.");
        return CommandLedger.StateOf(comment, comments, identity, review.CommandPrefix) switch
        {
            CommandState.NotACommand => Ignored($"Comment {commentId} on {pullRequest} is not a command."),
            CommandState.OwnComment => Ignored($"Comment {commentId} on {pullRequest} is the tool's own."),
            CommandState.Deleted => Ignored($"Comment {commentId} on {pullRequest} was deleted."),
            CommandState.Answered => Ignored(
                $"Comment {commentId} on {pullRequest} was answered already (comment {CommandLedger.FindAnswer(commentId, comments, identity)!.Id})."),
            _ => await RunCommandAsync(pullRequest, comment, review, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Answers every command of the pull request that nobody has answered yet, oldest first.</summary>
    private async Task<IReadOnlyList<ReviewOutcome>> AnswerPendingCommandsAsync(
        PullRequest pullRequest, ReviewSettings review, CancellationToken cancellationToken)
    {
        var identity = await _lakehouse.PullRequestHost.GetIdentityAsync(cancellationToken).ConfigureAwait(false);
        var comments = await ListCommentsAsync(pullRequest, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<ReviewOutcome>();
        foreach (var command in CommandLedger.Pending(comments, identity, review.CommandPrefix))
        {
            outcomes.Add(await RunCommandAsync(pullRequest, command, review, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private async Task<ReviewOutcome> RunCommandAsync(
        PullRequest pullRequest, PullRequestComment comment, ReviewSettings review, CancellationToken cancellationToken)
    {
        var prefix = review.CommandPrefix;
        var command = CommentCommandParser.Parse(comment.Body, prefix)!;
        _logger.LogInformation("Comment {Comment} by {Author} on {PullRequest}: {Command}", comment.Id, comment.Author, pullRequest, command.Text(prefix));
        if (command.Kind is not (CommentCommandKind.Help or CommentCommandKind.Unknown) && !review.Allowlist.Allows(command.Kind, comment.Author))
        {
            return await AnswerAsync(pullRequest, comment, "denied", CommandReplies.NotAllowed(command, prefix, comment.Author),
                $"Did not run {command.Text(prefix)} of {comment.Author} (not in --command-allowlist).", cancellationToken).ConfigureAwait(false);
        }

        if (command.IsLong)
        {
            await _lakehouse.PullRequestHost.ReplyAsync(
                pullRequest, comment.Id, CommandReplies.Acknowledgement(command, prefix),
                IdempotencyToken.For("command-ack", pullRequest.Repository, pullRequest.Id, comment.Id), cancellationToken).ConfigureAwait(false);
        }

        return command.Kind switch
        {
            CommentCommandKind.Test => await RunTestCommandAsync(pullRequest, comment, command, review, cancellationToken).ConfigureAwait(false),
            CommentCommandKind.Sync => await RunSyncCommandAsync(pullRequest, comment, cancellationToken).ConfigureAwait(false),
            CommentCommandKind.Status => await AnswerAsync(
                pullRequest, comment, "status", await StatusAsync(pullRequest, prefix, cancellationToken).ConfigureAwait(false),
                $"Answered {command.Text(prefix)} on {pullRequest}.", cancellationToken).ConfigureAwait(false),
            _ => await AnswerAsync(
                pullRequest, comment, "help", CommandReplies.Help(prefix, command.Problem, review.TestsPath),
                $"Answered {command.Text(prefix)} on {pullRequest} with the help.", cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<ReviewOutcome> RunTestCommandAsync(
        PullRequest pullRequest, PullRequestComment comment, CommentCommand command, ReviewSettings review, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(review.TestsPath))
        {
            return await AnswerAsync(
                pullRequest, comment, "test",
                "The data tests were not run: this pipeline has no tests file (`--tests-path`). Ask its maintainers to set it.",
                $"Could not run {command.Text(review.CommandPrefix)}: no --tests-path.", cancellationToken, failed: true).ConfigureAwait(false);
        }

        try
        {
            // The report is the reply: RunDataTests posts it in the command's thread (or what stopped the run).
            var result = await RunDataTestsAsync(
                PullRequestSelector.ById(pullRequest.Id), review.TestsPath, command.Arguments, review.RunnerOptions, comment.Id,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ReviewOutcome(ReviewAction.CommandAnswered, result.Summary, result.IsFailed);
        }
        catch (LakehouseException e)
        {
            return new ReviewOutcome(ReviewAction.CommandAnswered, $"{command.Text(review.CommandPrefix)} on {pullRequest} did not run: {e.Message}", Failed: true);
        }
    }

    private async Task<ReviewOutcome> RunSyncCommandAsync(PullRequest pullRequest, PullRequestComment comment, CancellationToken cancellationToken)
    {
        if (pullRequest.Status != PullRequestStatus.Open)
        {
            return await AnswerAsync(pullRequest, comment, "sync", $"Nothing was synced: pull request {pullRequest.Id} is closed.",
                $"Did not sync closed {pullRequest}.", cancellationToken).ConfigureAwait(false);
        }

        ReviewOutcome outcome;
        try
        {
            outcome = await SyncIfCatalogBranchAsync(pullRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (LakehouseException e)
        {
            outcome = new ReviewOutcome(ReviewAction.Synced, $"The sync of {pullRequest} failed: {e.Message}", Failed: true);
        }

        return await AnswerAsync(pullRequest, comment, "sync", outcome.Summary, outcome.Summary, cancellationToken, outcome.Failed).ConfigureAwait(false);
    }

    private async Task<string> StatusAsync(PullRequest pullRequest, string prefix, CancellationToken cancellationToken)
    {
        var catalog = await _lakehouse.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var head = await catalog.FindBranchAsync(pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false);
        Mirror.Git.GitWatermark? watermark = null;
        if (pullRequest.ReviewedSourceCommit is { } commit)
        {
            var repository = _lakehouse.Repository;
            if (await repository.Remotes.HasRemoteAsync(Settings.Remote, cancellationToken).ConfigureAwait(false))
            {
                await repository.Remotes.FetchAsync(Settings.Remote, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (await repository.History.RevParseAsync(commit + "^{commit}", cancellationToken).ConfigureAwait(false) is not null)
            {
                watermark = await repository.History.FindWatermarkAsync(commit, pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false);
            }
        }

        return CommandReplies.Status(pullRequest, watermark?.GitCommit, watermark?.CatalogHash, head?.Hash, prefix);
    }

    private async Task<ReviewOutcome> AnswerAsync(
        PullRequest pullRequest,
        PullRequestComment comment,
        string what,
        string markdown,
        string summary,
        CancellationToken cancellationToken,
        bool failed = false)
    {
        var reply = await _lakehouse.PullRequestHost.ReplyAsync(
            pullRequest, comment.Id, markdown, IdempotencyToken.For("command-" + what, pullRequest.Repository, pullRequest.Id, comment.Id),
            cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("{Summary} (reply {Reply})", summary, reply.Id);
        return new ReviewOutcome(ReviewAction.CommandAnswered, summary, failed);
    }

    private async Task<IReadOnlyList<PullRequestComment>> ListCommentsAsync(PullRequest pullRequest, CancellationToken cancellationToken)
    {
        var comments = new List<PullRequestComment>();
        await foreach (var comment in _lakehouse.PullRequestHost.ListCommentsAsync(pullRequest, cancellationToken).ConfigureAwait(false))
        {
            comments.Add(comment);
        }

        return comments;
    }
}
