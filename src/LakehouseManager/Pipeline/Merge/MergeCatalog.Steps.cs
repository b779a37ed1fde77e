using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Pipeline.Merge;

public sealed partial class MergeCatalog
{
    /// <summary>The nearest mirror commit of the git source branch: its catalog hash is what the reviewers saw.</summary>
    private async Task<GitWatermark> FindReviewedStateAsync(PullRequest pullRequest, CancellationToken cancellationToken)
    {
        // The merged source commit from the merge metadata: it is known even when a squash merge deleted the branch.
        var sourceCommit = pullRequest.ReviewedSourceCommit ?? throw new LakehouseException(
            $"{Capitalized(pullRequest)} has no source commit: the host did not say where git branch " +
            $"'{pullRequest.SourceBranch}' is, so the reviewed catalog state cannot be found.");

        if (await _mirror.History.RevParseAsync(sourceCommit + "^{commit}", cancellationToken).ConfigureAwait(false) is null &&
            await _mirror.Remotes.HasRemoteAsync(_options.Remote, cancellationToken).ConfigureAwait(false))
        {
            await _mirror.Remotes.FetchAsync(_options.Remote, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (await _mirror.History.RevParseAsync(sourceCommit + "^{commit}", cancellationToken).ConfigureAwait(false) is null)
        {
            throw new LakehouseException(
                $"The source commit {sourceCommit} of {pullRequest} is not in the mirror repository " +
                $"'{_mirror.Directory}', even after a fetch: check --repo-path and that the branch was pushed.");
        }

        // The branch's own last sync, on its first-parent line: a mirror commit of the target that came in through a
        // merge (main merged into dev) records the target's state, not the reviewed one.
        var watermark = await _mirror.History.FindWatermarkAsync(sourceCommit, pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false)
            ?? throw new LakehouseException(
                $"Git branch '{pullRequest.SourceBranch}' at {HashText.Short(sourceCommit)} has no mirror commit of catalog branch " +
                $"'{pullRequest.SourceBranch}' on its line of history (no '{GitWatermark.CatalogRefKey}: " +
                $"{pullRequest.SourceBranch}' trailer): the branch was never synced, so there is no reviewed catalog state " +
                $"to merge. Run Sync for '{pullRequest.SourceBranch}' and review the pull request first.");
        LogReviewedState(
            Capitalized(pullRequest), HashText.Short(pullRequest.TargetCommit), HashText.Short(watermark.GitCommit), watermark.CatalogRef,
            HashText.Short(watermark.CatalogHash));
        return watermark;
    }

    /// <summary>
    /// The catalog source branch, to warn when it moved on after the reviewed hash (those changes are left out). Null
    /// when the branch is gone: the reviewed commit is merged all the same.
    /// </summary>
    private async Task<CatalogBranch?> ReadSourceAsync(
        PullRequest pullRequest, GitWatermark watermark, CancellationToken cancellationToken)
    {
        var source = await _catalog.FindBranchAsync(pullRequest.SourceBranch, cancellationToken).ConfigureAwait(false);
        if (source is not null && source.Hash != watermark.CatalogHash)
        {
            LogUnreviewedChanges(source.Name, HashText.Short(source.Hash), HashText.Short(watermark.CatalogHash));
        }

        return source;
    }

    private async Task<MergeCatalogResult> ReportConflictsAsync(MergeCatalogResult result, CancellationToken cancellationToken)
    {
        LogConflicts(
            result.Conflicts.Count, result.SourceBranch, HashText.Short(result.FromHash), result.TargetBranch,
            HashText.Short(result.TargetHashBefore));
        foreach (var conflict in result.Conflicts)
        {
            LogConflict(conflict.Key.ToString(), conflict.ConflictType, conflict.Message);
        }

        await CommentAsync(result, MergeCatalogReport.ConflictsMarkdown(result, _host.MaxCommentLength), cancellationToken)
            .ConfigureAwait(false);
        return result;
    }

    private async Task<MergeCatalogResult> ReportMergedAsync(MergeCatalogResult result, CancellationToken cancellationToken)
    {
        LogMerged(result.SourceBranch, HashText.Short(result.FromHash), result.TargetBranch, HashText.Short(result.TargetHashAfter));
        await CommentAsync(result, MergeCatalogReport.MergedMarkdown(result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// A comment that cannot be posted does not undo the outcome: the merge is done (or refused) either way, and the
    /// log says it.
    /// </summary>
    private async Task CommentAsync(MergeCatalogResult result, string markdown, CancellationToken cancellationToken)
    {
        if (!_options.PostComments)
        {
            return;
        }

        try
        {
            // One comment per outcome of merging this reviewed hash into this target state, however often it is run.
            var token = IdempotencyToken.For(
                "merge-catalog", result.PullRequest.Repository, result.PullRequest.Id, result.Outcome.ToString(), result.FromHash,
                result.TargetHashBefore);
            await _host.PostCommentAsync(result.PullRequest, markdown, token, cancellationToken).ConfigureAwait(false);
        }
        catch (LakehouseException exception)
        {
            LogCommentFailed(result.PullRequest.ToString(), exception.Message);
        }
    }
}
