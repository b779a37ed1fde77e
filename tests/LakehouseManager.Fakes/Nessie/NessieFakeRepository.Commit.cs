using System.Collections.Immutable;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>Commits, with Nessie's rules (<c>CommitImpl</c>, <c>BaseCommitHelper</c>; api-facts A.6).</summary>
public sealed partial class NessieFakeRepository
{
    /// <summary>
    /// Commits operations to a branch. The expected hash must be in the branch's history; when it is older than the
    /// head, only the keys this commit touches are compared between the expected commit and the head, and a change
    /// there is a 409 conflict (commit concurrency, <c>CommitImpl</c>). Content ids: a new key must come without one
    /// (the fake assigns it), an existing key with its current one (400 otherwise). Namespaces must exist (409
    /// NAMESPACE_ABSENT) and a namespace with live children cannot be deleted (409 NAMESPACE_NOT_EMPTY).
    /// </summary>
    public (NessieFakeCommit Commit, IReadOnlyList<(ContentKey Key, string ContentId)> Added) Commit(
        string branch, string expectedHash, NessieFakeCommitMetaRequest meta, IReadOnlyList<NessieFakeOperationRequest> operations)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (string.IsNullOrWhiteSpace(meta.Message))
        {
            throw NessieFakeError.BadRequest("commitMeta.message: must not be blank");
        }

        lock (_gate)
        {
            var reference = RequireReference(branch);
            if (!reference.IsBranch)
            {
                throw NessieFakeError.BadRequest($"Reference '{branch}' is not a branch.");
            }

            var head = _commits[reference.Hash];
            var expected = InChain(head, expectedHash.ToLowerInvariant()) ??
                throw NessieFakeError.CommitNotInReference(expectedHash, branch);

            var duplicate = operations.GroupBy(o => o.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw NessieFakeError.BadRequest($"Duplicate key in operations: {NessieFakeConflict.Dotted(duplicate.Key)}");
            }

            // Commit concurrency: a key this commit touches must be as it was at the expected commit.
            var conflicts = new List<NessieFakeConflict>();
            foreach (var operation in operations.Where(o => o.Type != "UNCHANGED"))
            {
                var atExpected = expected.Tree.GetValueOrDefault(operation.Key);
                var atHead = head.Tree.GetValueOrDefault(operation.Key);
                if (!Equals(atExpected, atHead))
                {
                    conflicts.Add(atExpected is null ? NessieFakeConflict.KeyExists(operation.Key)
                        : atHead is null ? NessieFakeConflict.KeyDoesNotExist(operation.Key)
                        : NessieFakeConflict.ValueDiffers(operation.Key));
                }
                else if (operation.Type == "DELETE" && atHead is null)
                {
                    conflicts.Add(NessieFakeConflict.KeyDoesNotExist(operation.Key));
                }
            }

            if (conflicts.Count > 0)
            {
                throw NessieFakeError.Conflict(conflicts);
            }

            var tree = head.Tree.ToBuilder();
            var stored = new List<NessieFakeOperation>();
            var added = new List<(ContentKey, string)>();
            // A rename is a DELETE and a PUT of the same content id in one commit (CommitImpl allows the id then).
            var renamedIds = operations.Where(o => o.Type == "DELETE")
                .Select(o => head.Tree.GetValueOrDefault(o.Key)?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                switch (operation.Type)
                {
                    case "PUT":
                        var content = Put(head.Tree, operation, added, renamedIds);
                        tree[operation.Key] = content;
                        stored.Add(new NessieFakeOperation("PUT", operation.Key, content));
                        break;
                    case "DELETE":
                        tree.Remove(operation.Key);
                        stored.Add(new NessieFakeOperation("DELETE", operation.Key, null));
                        break;
                }
            }

            var newTree = tree.ToImmutable();
            ValidateNamespaces(stored, newTree);
            var now = _time.GetUtcNow();
            var commit = AddCommit(
                [head.Hash],
                new NessieFakeCommitMeta(meta.Message, "", meta.Authors, now, now, meta.Properties),
                stored,
                newTree);
            MoveReference(branch, commit.Hash);
            return (commit, added);
        }
    }

    private NessieFakeContent Put(
        ImmutableSortedDictionary<ContentKey, NessieFakeContent> headTree,
        NessieFakeOperationRequest operation,
        List<(ContentKey, string)> added,
        HashSet<string> renamedIds)
    {
        var key = NessieFakeConflict.Dotted(operation.Key);
        if (headTree.TryGetValue(operation.Key, out var existing))
        {
            if (operation.ContentId is null)
            {
                throw NessieFakeError.BadRequest($"New value to update existing key '{key}' has no content ID");
            }

            if (!string.Equals(operation.ContentId, existing.Id, StringComparison.Ordinal))
            {
                throw NessieFakeError.BadRequest(
                    $"Key '{key}' already exists with content ID {existing.Id}, which is different from the content ID " +
                    $"{operation.ContentId} in the operation");
            }

            return operation.MakeContent!(existing.Id);
        }

        if (operation.ContentId is not null)
        {
            return renamedIds.Contains(operation.ContentId)
                ? operation.MakeContent!(operation.ContentId)
                : throw NessieFakeError.BadRequest($"New value for key '{key}' must not have a content ID");
        }

        var id = NewContentId();
        added.Add((operation.Key, id));
        return operation.MakeContent!(id);
    }

    private static void ValidateNamespaces(
        IReadOnlyList<NessieFakeOperation> operations, ImmutableSortedDictionary<ContentKey, NessieFakeContent> tree)
    {
        var conflicts = new List<NessieFakeConflict>();
        foreach (var operation in operations)
        {
            if (operation.Type == "PUT" && operation.Key.Elements.Length > 1)
            {
                for (var length = operation.Key.Elements.Length - 1; length >= 1; length--)
                {
                    var parent = ContentKey.Of(operation.Key.Elements.Take(length));
                    if (tree.TryGetValue(parent, out var found))
                    {
                        if (!found.IsNamespace)
                        {
                            conflicts.Add(new NessieFakeConflict("NOT_A_NAMESPACE", parent,
                                $"expecting the key '{NessieFakeConflict.Dotted(parent)}' to be a namespace, but is not a namespace " +
                                "(using a content object that is not a namespace as a namespace is forbidden)"));
                        }

                        break;
                    }

                    var absent = NessieFakeConflict.NamespaceAbsent(parent);
                    if (!conflicts.Contains(absent))
                    {
                        conflicts.Add(absent);
                    }
                }
            }

            if (operation.Type == "DELETE" && HasChildren(tree, operation.Key))
            {
                conflicts.Add(NessieFakeConflict.NamespaceNotEmpty(operation.Key));
            }
        }

        if (conflicts.Count > 0)
        {
            throw NessieFakeError.Conflict(conflicts);
        }
    }

    private static bool HasChildren(ImmutableSortedDictionary<ContentKey, NessieFakeContent> tree, ContentKey key) =>
        tree.Keys.Any(k => k.Elements.Length > key.Elements.Length && k.Elements.Take(key.Elements.Length).SequenceEqual(key.Elements));
}
