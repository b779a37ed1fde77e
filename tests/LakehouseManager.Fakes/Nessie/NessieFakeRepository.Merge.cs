using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// Merges, as Nessie's versioned storage does them (projectnessie/nessie <c>MergeSquashImpl</c>,
/// <c>BaseMergeTransplantSquash</c>, <c>BaseCommitHelper</c>): one squashed merge commit, all or nothing.
/// </summary>
public sealed partial class NessieFakeRepository
{
    /// <summary>
    /// Merges <paramref name="fromHash"/> (on <paramref name="fromRefName"/>) into <paramref name="branch"/>, whose
    /// expected hash must be in its history (it may be older than the head: conflicts are decided per key against the
    /// head, as in Nessie). Conflicts never raise here: they come back in the result with <c>WasSuccessful</c> false.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>The source already in the target's history (the merge base is the source itself): success, nothing
    /// applied, <c>resultantTargetHash</c> = the head, for a dry run too (<c>MergeSquashImpl.merge</c>).</item>
    /// <item>Every change already on the target (an empty squash): success, nothing applied, no commit.</item>
    /// <item>A key the source changed since the merge base: applied when the target still has the base's value, dropped
    /// when the target already has the source's value, else a conflict (KEY_EXISTS, KEY_DOES_NOT_EXIST or
    /// VALUE_DIFFERS, as the commit logic classifies it).</item>
    /// </list>
    /// With <paramref name="legacyNothingToMerge"/> an already-merged source is answered as servers before the
    /// versioned storage did: 400 "No hashes to merge from ...".
    /// </remarks>
    public NessieFakeMergeResult Merge(
        string branch,
        string expectedHash,
        string fromRefName,
        string fromHash,
        NessieFakeCommitMetaRequest? meta,
        bool dryRun,
        bool legacyNothingToMerge = false)
    {
        lock (_gate)
        {
            var target = RequireReference(branch);
            if (!target.IsBranch)
            {
                throw NessieFakeError.BadRequest("Can only merge into branches.");
            }

            var head = _commits[target.Hash];
            var expected = InChain(head, expectedHash.ToLowerInvariant()) ??
                throw NessieFakeError.CommitNotInReference(expectedHash, branch);
            var (_, from) = Resolve(fromRefName, fromHash);
            var mergeBase = MergeBase(head, from);

            if (mergeBase.Hash == from.Hash)
            {
                if (legacyNothingToMerge)
                {
                    throw NessieFakeError.BadRequest(
                        $"No hashes to merge from '{from.Hash}' onto '{branch}' @ '{head.Hash}' using common ancestor " +
                        $"'{mergeBase.Hash}', expected commit ID from request was '{expected.Hash}'.");
                }

                return new NessieFakeMergeResult(false, true, head.Hash, mergeBase.Hash, branch, head.Hash, expected.Hash, []);
            }

            var details = new List<NessieFakeMergeDetail>();
            var tree = head.Tree.ToBuilder();
            var operations = new List<NessieFakeOperation>();
            foreach (var (key, atBase, atSource) in Diff(mergeBase.Tree, from.Tree))
            {
                var atHead = head.Tree.GetValueOrDefault(key);
                NessieFakeConflict? conflict = null;
                if (Equals(atHead, atBase))
                {
                    if (atSource is null)
                    {
                        tree.Remove(key);
                        operations.Add(new NessieFakeOperation("DELETE", key, null));
                    }
                    else
                    {
                        tree[key] = atSource;
                        operations.Add(new NessieFakeOperation("PUT", key, atSource));
                    }
                }
                else if (atSource is not null && Equals(atHead, atSource))
                {
                    // The same content was added on both sides: Nessie drops the operation.
                }
                else if (atSource is not null && atHead is { IsNamespace: true } && atSource.IsNamespace && atBase is null)
                {
                    // Namespaces created on both sides: the target's wins, no conflict (BaseCommitHelper's special case).
                }
                else
                {
                    conflict = atSource is null
                        ? atHead is null ? NessieFakeConflict.KeyDoesNotExist(key) : NessieFakeConflict.ValueDiffers(key)
                        : atBase is null ? NessieFakeConflict.KeyExists(key)
                        : atHead is null ? NessieFakeConflict.KeyDoesNotExist(key)
                        : NessieFakeConflict.ValueDiffers(key);
                }

                details.Add(new NessieFakeMergeDetail(key, conflict));
            }

            var hasConflicts = details.Any(d => d.Conflict is not null);
            if (hasConflicts)
            {
                return new NessieFakeMergeResult(false, false, null, mergeBase.Hash, branch, head.Hash, expected.Hash, details);
            }

            if (operations.Count == 0)
            {
                return new NessieFakeMergeResult(false, true, dryRun ? null : head.Hash, mergeBase.Hash, branch, head.Hash,
                    expected.Hash, details);
            }

            if (dryRun)
            {
                return new NessieFakeMergeResult(false, true, null, mergeBase.Hash, branch, head.Hash, expected.Hash, details);
            }

            var now = _time.GetUtcNow();
            var message = string.IsNullOrEmpty(meta?.Message)
                ? $"Merged {fromRefName} at {fromHash} into {branch} at {expectedHash}"
                : meta.Message;
            var commit = AddCommit(
                [head.Hash, from.Hash],
                new NessieFakeCommitMeta(message, "", meta?.Authors ?? [], now, now,
                    meta?.Properties ?? new Dictionary<string, IReadOnlyList<string>>()),
                operations,
                tree.ToImmutable());
            MoveReference(branch, commit.Hash);
            return new NessieFakeMergeResult(true, true, commit.Hash, mergeBase.Hash, branch, head.Hash, expected.Hash, details);
        }
    }

    /// <summary>
    /// The best common ancestor: of the commits reachable from both, the one with the highest sequence (Nessie's
    /// <c>findMergeBase</c> walks by commit sequence numbers too).
    /// </summary>
    private NessieFakeCommit MergeBase(NessieFakeCommit target, NessieFakeCommit source)
    {
        var targetAncestors = Ancestors(target.Hash);
        var best = Ancestors(source.Hash).Where(targetAncestors.Contains).Select(h => _commits[h]).MaxBy(c => c.Sequence);
        return best ?? _commits[NoAncestorHash];
    }

    /// <summary>
    /// What <c>fetch=ALL</c> adds to a reference: commits ahead of and behind the default branch since their common
    /// ancestor, that ancestor, and the number of commits on the reference.
    /// </summary>
    public (int Ahead, int Behind, string CommonAncestor, int TotalCommits) CompareWithDefault(NessieFakeReference reference)
    {
        lock (_gate)
        {
            var head = _commits[reference.Hash];
            var main = _commits[RequireReference(DefaultBranch).Hash];
            var mine = Ancestors(head.Hash);
            var theirs = Ancestors(main.Hash);
            mine.Remove(NoAncestorHash);
            theirs.Remove(NoAncestorHash);
            return (mine.Count(h => !theirs.Contains(h)), theirs.Count(h => !mine.Contains(h)), MergeBase(head, main).Hash,
                Log(head).Count);
        }
    }

    /// <summary>The content of a key at a branch's head, or null.</summary>
    public NessieFakeContent? ContentAt(string branch, ContentKey key)
    {
        lock (_gate)
        {
            return _commits[RequireReference(branch).Hash].Tree.GetValueOrDefault(key);
        }
    }
}
