namespace LakehouseManager.PullRequests.Local;

public sealed partial class LocalPullRequestHost
{
    /// <summary>
    /// Whether the source branch was merged into the target, judged from git alone:
    /// <list type="bullet">
    /// <item>The source head is reachable from the target head (a merge commit or a fast-forward), and the source
    /// branch holds work of its own: its nearest mirror commit was made for the source branch (trailer
    /// <c>Catalog-Ref: &lt;source&gt;</c>). Without that second condition a freshly cut branch, whose head is a
    /// commit of the target, would look merged; git's graph alone cannot tell it from a fast-forward.</item>
    /// <item>Or a squash merge: the source changed the mirror folder since it forked from the target, and the
    /// target's mirror folder is now the same tree as the source's.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Known limits: a branch with only hand-made commits (never synced) that was fast-forwarded or merged reads as
    /// open, and MergeCatalog would refuse it anyway (nothing of it was mirrored). A squash merge reads as merged only
    /// while the target's mirror folder still equals the source's.
    /// </remarks>
    private async Task<bool> IsMergedAsync(
        string source, string sourceHead, string targetHead, CancellationToken cancellationToken)
    {
        if (await _repository.IsAncestorAsync(sourceHead, targetHead, cancellationToken).ConfigureAwait(false))
        {
            var watermark = await _repository.FindWatermarkAsync(sourceHead, cancellationToken).ConfigureAwait(false);
            return watermark is not null && watermark.CatalogRef == source;
        }

        var sourceTree = await MirrorTreeAsync(sourceHead, cancellationToken).ConfigureAwait(false);
        var targetTree = await MirrorTreeAsync(targetHead, cancellationToken).ConfigureAwait(false);
        if (sourceTree != targetTree)
        {
            return false;
        }

        var forkPoint = await _repository.MergeBaseAsync(sourceHead, targetHead, cancellationToken).ConfigureAwait(false);
        var forkTree = forkPoint is null ? null : await MirrorTreeAsync(forkPoint, cancellationToken).ConfigureAwait(false);
        return sourceTree != forkTree;
    }

    /// <summary>
    /// The object of the mirror folder at a commit (its tree), or null when the folder does not exist there. In
    /// <c>commit:path</c> everything after the colon is the path, so no <c>^{tree}</c> can follow it.
    /// </summary>
    private Task<string?> MirrorTreeAsync(string commit, CancellationToken cancellationToken) =>
        _repository.RevParseAsync(MirrorPath.Length == 0 ? commit + "^{tree}" : $"{commit}:{MirrorPath}", cancellationToken);
}
