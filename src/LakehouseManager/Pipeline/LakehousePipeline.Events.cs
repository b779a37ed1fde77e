using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Events;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>
/// The event-driven side (design §6): HandlePullRequestEvent, SyncOpenPullRequests and Watch. Events may be lost,
/// repeated or late, so every run re-reads the pull request and does what its state calls for now: an open pull
/// request is synced, a merged one merged into the catalog, a closed one left (or its catalog branch dropped); a
/// comment event runs the command of that comment, once.
/// </summary>
public sealed partial class LakehousePipeline
{
    /// <summary>HandlePullRequestEvent: one CodeCommit event, dispatched on the pull request's current state.</summary>
    public async Task<ReviewOutcome> HandlePullRequestEventAsync(
        PullRequestEvent pullRequestEvent, ReviewSettings review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequestEvent);
        ArgumentNullException.ThrowIfNull(review);
        if (pullRequestEvent.Kind == PullRequestEventKind.Ignored)
        {
            return Ignored($"Ignored {pullRequestEvent}: {pullRequestEvent.IgnoredReason}.");
        }

        if (!string.IsNullOrWhiteSpace(Settings.RepoName) && Settings.RepoName.Trim() != pullRequestEvent.RepositoryName)
        {
            throw new LakehouseException(
                $"The event {pullRequestEvent} is about repository '{pullRequestEvent.RepositoryName}', but this pipeline " +
                $"is for '{Settings.RepoName.Trim()}' (--repo-name): check the EventBridge rule's repository filter.");
        }

        var pullRequest = await _lakehouse.PullRequestHost
            .GetPullRequestAsync(PullRequestSelector.ById(pullRequestEvent.PullRequestId!), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "Event {Event} at {Time}: {PullRequest} is {State} now", pullRequestEvent, pullRequestEvent.Time?.ToString("u") ?? "an unknown time",
            pullRequest, StateText(pullRequest));
        return pullRequestEvent.Kind == PullRequestEventKind.CommentCreated
            ? await HandleCommentAsync(pullRequest, pullRequestEvent.CommentId!, review, cancellationToken).ConfigureAwait(false)
            : await ReconcileAsync(pullRequest, review, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// SyncOpenPullRequests: a Sync of every open pull request of the repository whose catalog branch exists (catalog
    /// edits raise no CodeCommit event, so a schedule brings them). A failing pull request does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<ReviewOutcome>> SyncOpenPullRequestsAsync(CancellationToken cancellationToken = default)
    {
        if (_lakehouse.PullRequestHost is not IListsOpenPullRequests lister)
        {
            throw new LakehouseException(
                $"SyncOpenPullRequests needs a host that lists its pull requests, and {_lakehouse.PullRequestHost.Description} " +
                "does not: use --pr-host codecommit, or Sync one branch with --to-ref.");
        }

        var outcomes = new List<ReviewOutcome>();
        await foreach (var pullRequest in lister.ListOpenPullRequestsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                outcomes.Add(await SyncIfCatalogBranchAsync(pullRequest, cancellationToken).ConfigureAwait(false));
            }
            catch (LakehouseException e)
            {
                _logger.LogError("Could not sync {PullRequest}: {Message}", pullRequest, e.Message);
                outcomes.Add(new ReviewOutcome(ReviewAction.Synced, $"{pullRequest}: {e.Message}", Failed: true));
            }
        }

        _logger.LogInformation("{Count} open pull request(s): {Synced} synced, {Skipped} without a catalog branch, {Failed} failed",
            outcomes.Count, outcomes.Count(o => o is { Action: ReviewAction.Synced, Failed: false }),
            outcomes.Count(o => o.Action == ReviewAction.NoCatalogBranch), outcomes.Count(o => o.Failed));
        return outcomes;
    }

    /// <summary>
    /// Watch: the original tool's loop for one pull request on one machine. Each round syncs the branch and answers
    /// the commands nobody has answered yet, then waits <paramref name="interval"/> on the pipeline's clock. It ends
    /// when the pull request is merged (after merging the catalog) or closed, or cleanly on cancellation (Ctrl-C).
    /// </summary>
    public async Task<ReviewOutcome> WatchAsync(
        PullRequestSelector selector, ReviewSettings review, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        try
        {
            for (var round = 1; ; round++)
            {
                var pullRequest = await _lakehouse.PullRequestHost.GetPullRequestAsync(selector, cancellationToken).ConfigureAwait(false);
                if (pullRequest.Status == PullRequestStatus.Closed)
                {
                    _logger.LogInformation("Watch: {PullRequest} is {State}", pullRequest, StateText(pullRequest));
                    return await ReconcileAsync(pullRequest, review, cancellationToken).ConfigureAwait(false);
                }

                _logger.LogInformation("Watch round {Round}: {PullRequest} is open", round, pullRequest);
                await SyncIfCatalogBranchAsync(pullRequest, cancellationToken).ConfigureAwait(false);
                await AnswerPendingCommandsAsync(pullRequest, review, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _lakehouse.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The target prints the outcome; logging it here too would say it twice.
            return new ReviewOutcome(ReviewAction.Stopped, "Watch stopped.");
        }
    }

    /// <summary>What the pull request's state calls for now: sync it, merge its catalog branch, or close it.</summary>
    private async Task<ReviewOutcome> ReconcileAsync(PullRequest pullRequest, ReviewSettings review, CancellationToken cancellationToken)
    {
        if (pullRequest.IsMerged)
        {
            var merge = await MergeCatalogAsync(PullRequestSelector.ById(pullRequest.Id), cancellationToken).ConfigureAwait(false);
            return merge.IsSuccess
                ? new ReviewOutcome(ReviewAction.Merged,
                    $"{pullRequest} is merged: catalog branch '{merge.SourceBranch}' at {HashText.Short(merge.FromHash)} is in " +
                    $"'{merge.TargetBranch}' ({merge.Outcome}).")
                : new ReviewOutcome(ReviewAction.MergeConflicts,
                    $"{pullRequest} is merged, but catalog branch '{merge.SourceBranch}' conflicts with '{merge.TargetBranch}' " +
                    $"in {merge.Conflicts.Count} view(s): nothing was merged (see the pull request).", Failed: true);
        }

        if (pullRequest.Status == PullRequestStatus.Closed)
        {
            return await CloseAsync(pullRequest, review.OnClose, cancellationToken).ConfigureAwait(false);
        }

        return await SyncIfCatalogBranchAsync(pullRequest, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReviewOutcome> SyncIfCatalogBranchAsync(PullRequest pullRequest, CancellationToken cancellationToken)
    {
        var catalog = await _lakehouse.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (await catalog.FindBranchAsync(pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false) is null)
        {
            _logger.LogInformation("{PullRequest}: catalog branch {Branch} does not exist, nothing to mirror", pullRequest, pullRequest.SourceBranch);
            return new ReviewOutcome(
                ReviewAction.NoCatalogBranch, $"{pullRequest}: catalog branch '{pullRequest.SourceBranch}' does not exist, nothing to mirror.");
        }

        var outcome = await SyncAsync(pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false);
        return new ReviewOutcome(
            ReviewAction.Synced,
            outcome.Commit is null
                ? $"{pullRequest}: git branch '{pullRequest.SourceBranch}' already mirrors catalog commit {HashText.Short(outcome.Delta.ToHash)}."
                : $"{pullRequest}: mirror commit {HashText.Short(outcome.Commit)} of catalog commit {HashText.Short(outcome.Delta.ToHash)} " +
                  $"on '{pullRequest.SourceBranch}' ({Sync.SyncCommitMessage.Counts(outcome.Delta)}).");
    }

    private async Task<ReviewOutcome> CloseAsync(PullRequest pullRequest, OnClose onClose, CancellationToken cancellationToken)
    {
        if (onClose == OnClose.Keep)
        {
            return new ReviewOutcome(
                ReviewAction.Closed, $"{pullRequest} was closed without a merge: catalog branch '{pullRequest.SourceBranch}' is kept (--on-close keep).");
        }

        var catalog = await _lakehouse.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var branch = await catalog.FindBranchAsync(pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false);
        if (branch is null || pullRequest.SourceBranch == pullRequest.TargetBranch ||
            branch.Name == await catalog.GetDefaultBranchAsync(cancellationToken).ConfigureAwait(false))
        {
            return new ReviewOutcome(
                ReviewAction.Closed, $"{pullRequest} was closed without a merge: there is no catalog branch '{pullRequest.SourceBranch}' to drop.");
        }

        await catalog.DeleteBranchAsync(branch.Name, branch.Hash, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Dropped catalog branch {Branch} at {Hash}", branch.Name, HashText.Short(branch.Hash));
        return new ReviewOutcome(
            ReviewAction.Closed,
            $"{pullRequest} was closed without a merge: catalog branch '{branch.Name}' at {HashText.Short(branch.Hash)} was dropped (--on-close drop-branch).");
    }

    /// <summary>An outcome with nothing done: the caller prints its summary (the target does), so it is logged at debug level only.</summary>
    private ReviewOutcome Ignored(string summary)
    {
        _logger.LogDebug("{Summary}", summary);
        return new ReviewOutcome(ReviewAction.Ignored, summary);
    }

    private static string StateText(PullRequest pullRequest) =>
        pullRequest.IsMerged ? "merged" : pullRequest.Status == PullRequestStatus.Open ? "open" : "closed";
}
