using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Three-way merges against the common ancestor, all or nothing.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>A merge with the default message; see the overload with a message.</summary>
    public Task<MergeResult> MergeAsync(
        string fromBranch,
        string fromHash,
        string targetBranch,
        string expectedTargetHash,
        bool dryRun,
        CancellationToken cancellationToken = default) =>
        MergeAsync(fromBranch, fromHash, targetBranch, expectedTargetHash, dryRun, message: null, cancellationToken);

    /// <summary>
    /// Merges <paramref name="fromHash"/> (of <paramref name="fromBranch"/>) into <paramref name="targetBranch"/>, which
    /// must be exactly at <paramref name="expectedTargetHash"/> (else ReferenceConflict). A key that both sides changed
    /// differently since the common ancestor is a conflict (KEY_EXISTS, KEY_DOES_NOT_EXIST, VALUE_DIFFERS) and then
    /// nothing is applied; a key both sides changed the same way is not. Success makes one merge commit whose parents
    /// are the target head and <paramref name="fromHash"/>. When <paramref name="fromHash"/> is already in the target's
    /// history the merge succeeds without a commit, whatever <paramref name="expectedTargetHash"/> says.
    /// <see cref="MergeResult.ResultHash"/> is always the target's head after the call.
    /// </summary>
    public Task<MergeResult> MergeAsync(
        string fromBranch,
        string fromHash,
        string targetBranch,
        string expectedTargetHash,
        bool dryRun,
        string? message,
        CancellationToken cancellationToken = default)
    {
        RefName.Require(fromBranch, "source branch");
        RefName.Require(targetBranch, "target branch");
        return RunAsync(
            write: !dryRun,
            async store =>
            {
                var target = await RequireBranchAsync(store, targetBranch, cancellationToken).ConfigureAwait(false);
                var from = await ResolveHashAsync(store, fromHash, cancellationToken).ConfigureAwait(false);
                var baseId = await CommitGraph.MergeBaseAsync(store, from.Id, target.Id, cancellationToken).ConfigureAwait(false);
                var baseHash = (await store.GetNodeAsync(baseId, cancellationToken).ConfigureAwait(false)).Hash;

                // Already merged is success whatever the caller expected the target to be at, and even when the source
                // branch is gone since: a retry after the target moved on must not fail.
                if (baseId == from.Id)
                {
                    return new MergeResult(true, false, target.Hash, baseHash, [], AlreadyMerged: true);
                }

                await RequireBranchAsync(store, fromBranch, cancellationToken).ConfigureAwait(false);

                await RequireExactHeadAsync(store, targetBranch, target, expectedTargetHash, cancellationToken)
                    .ConfigureAwait(false);

                var (applied, conflicts) = await ThreeWayAsync(store, baseId, from.Id, target.Id, cancellationToken)
                    .ConfigureAwait(false);
                if (conflicts.Count > 0 || dryRun)
                {
                    return new MergeResult(conflicts.Count == 0, false, target.Hash, baseHash, conflicts);
                }

                var targetTouched = await CommitGraph.TouchedKeysAsync(store, target.Id, baseId, cancellationToken).ConfigureAwait(false);
                var targetValues = await store.GetSqlIdsAsync(targetTouched, [baseId, target.Id], cancellationToken).ConfigureAwait(false);
                var targetChanged = targetTouched.Where(key => targetValues[key][0] != targetValues[key][1]).ToList();

                // Recording the target's own changes too keeps "a merge commit touches every key in which it differs
                // from either parent", which is what makes diffs across merges O(changes) and exact.
                var commit = await CommitWriter.AppendAsync(
                    store,
                    _repositoryId,
                    [target.Id, from.Id],
                    Options.Author,
                    Options.TimeProvider.GetUtcNow(),
                    message ?? $"Merged {fromBranch} at {from.Hash} into {targetBranch} at {target.Hash}",
                    applied,
                    targetChanged,
                    cancellationToken).ConfigureAwait(false);
                await store.SetBranchHeadAsync(targetBranch, commit.Id, cancellationToken).ConfigureAwait(false);
                return new MergeResult(true, true, commit.Hash, baseHash, []);
            },
            cancellationToken);
    }

    private static async Task<(List<AppliedChange> Applied, List<MergeConflict> Conflicts)> ThreeWayAsync(
        CatalogStore store, long baseId, long fromId, long targetId, CancellationToken cancellationToken)
    {
        var applied = new List<AppliedChange>();
        var conflicts = new List<MergeConflict>();
        var sourceKeys = await CommitGraph.TouchedKeysAsync(store, fromId, baseId, cancellationToken).ConfigureAwait(false);
        var values = await store.GetSqlIdsAsync(sourceKeys, [baseId, fromId, targetId], cancellationToken).ConfigureAwait(false);
        foreach (var key in sourceKeys.Order(StorageKey.Order))
        {
            var (ancestor, source) = (values[key][0], values[key][1]);
            if (ancestor == source)
            {
                continue;
            }

            var target = values[key][2];
            switch (ThreeWayMerge.Decide(ancestor, source, target))
            {
                case ThreeWayMerge.Outcome.Apply:
                    applied.Add(new AppliedChange(key, source));
                    break;
                case ThreeWayMerge.Outcome.Conflict:
                    conflicts.Add(ThreeWayMerge.Conflict(StorageKey.Decode(key), ancestor, target));
                    break;
                case ThreeWayMerge.Outcome.AlreadyEqual:
                    break;
            }
        }

        return (applied, conflicts);
    }
}
