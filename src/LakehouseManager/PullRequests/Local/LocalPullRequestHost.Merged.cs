namespace LakehouseManager.PullRequests.Local;

internal sealed partial class LocalPullRequestHost
{
    /// <summary>
    /// Whether and how the source branch was merged into the target, judged from git alone:
    /// <list type="bullet">
    /// <item>The source head is reachable from the target head (a merge commit or a fast-forward), and the source
    /// branch holds work of its own: a mirror commit made for the source branch (trailer
    /// <c>Catalog-Ref: &lt;source&gt;</c>) on its first-parent line. Without that second condition a freshly cut branch,
    /// whose head is a commit of the target, would look merged; git's graph alone cannot tell it from a
    /// fast-forward. The target at the source head is a fast-forward, anything else a three-way merge.</item>
    /// <item>Or a squash merge: the source changed mirror files since it forked from the target, and every one of
    /// them is now the same in the target (later changes of other files on the target do not matter).</item>
    /// </list>
    /// The merge commit is known for a fast-forward (the source head itself) and left unknown otherwise: git does not
    /// record which commit merged what.
    /// </summary>
    /// <remarks>
    /// Known limits: a branch with only hand-made commits (never synced) that was fast-forwarded or merged reads as
    /// open, and MergeCatalog would refuse it anyway (nothing of it was mirrored). A branch cut again, under the same
    /// name, from a target into which the old branch was fast-forwarded reads as merged until its first sync; merging
    /// the catalog is then a no-op ("already merged"), so nothing unreviewed is merged.
    /// </remarks>
    private async Task<PullRequestMerge?> FindMergeAsync(
        string source, string sourceHead, string targetHead, CancellationToken cancellationToken)
    {
        if (await _repository.History.IsAncestorAsync(sourceHead, targetHead, cancellationToken).ConfigureAwait(false))
        {
            if (await _repository.History.FindWatermarkAsync(sourceHead, source, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            return sourceHead == targetHead
                ? new PullRequestMerge(sourceHead, PullRequestMergeOption.FastForward, sourceHead, null)
                : new PullRequestMerge(null, PullRequestMergeOption.ThreeWay, sourceHead, null);
        }

        var forkPoint = await _repository.History.MergeBaseAsync(sourceHead, targetHead, cancellationToken).ConfigureAwait(false);
        if (forkPoint is null)
        {
            return null;
        }

        var changed = await _repository.Objects.DiffNamesAsync(forkPoint, sourceHead, MirrorPath, cancellationToken).ConfigureAwait(false);
        if (changed.Count == 0)
        {
            return null;
        }

        var inSource = await _repository.Objects.ReadFilesAsync(sourceHead, changed, cancellationToken).ConfigureAwait(false);
        var inTarget = await _repository.Objects.ReadFilesAsync(targetHead, changed, cancellationToken).ConfigureAwait(false);
        return changed.All(path => SameBytes(inSource[path], inTarget[path]))
            ? new PullRequestMerge(null, PullRequestMergeOption.Squash, sourceHead, null)
            : null;
    }

    private static bool SameBytes(byte[]? left, byte[]? right) =>
        left is null || right is null ? left is null && right is null : left.AsSpan().SequenceEqual(right);
}
