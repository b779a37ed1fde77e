using System.Globalization;

namespace LakehouseManager.Catalog.Local;

/// <summary>A change a commit applies to its first parent's snapshot: a stored key and its new SQL id (null: delete).</summary>
internal readonly record struct AppliedChange(string StoredKey, long? SqlId);

/// <summary>
/// Appends a commit: its row and hash, a copy of the first parent's snapshot with the changes applied, and the keys it
/// touched. The caller holds the write transaction and moves the branch.
/// </summary>
internal static class CommitWriter
{
    public static async Task<CommitNode> AppendAsync(
        CatalogStore store,
        string repositoryId,
        IReadOnlyList<long> parentIds,
        string author,
        DateTimeOffset time,
        string message,
        IReadOnlyList<AppliedChange> changes,
        IReadOnlyCollection<string> alsoTouched,
        CancellationToken cancellationToken)
    {
        var parents = new List<CommitNode>(parentIds.Count);
        foreach (var parentId in parentIds)
        {
            parents.Add(await store.GetNodeAsync(parentId, cancellationToken).ConfigureAwait(false));
        }

        var id = await store.NextCommitIdAsync(cancellationToken).ConfigureAwait(false);
        var operations = changes
            .Select(c => c.SqlId is { } sqlId
                ? $"put {c.StoredKey} {sqlId.ToString(CultureInfo.InvariantCulture)}"
                : $"delete {c.StoredKey}")
            .Concat(alsoTouched.Order(StringComparer.Ordinal).Select(k => $"touch {k}"));
        var hash = CommitHasher.Compute(
            repositoryId, id, parents.Select(p => p.Hash), author, time, message, operations);
        var node = new CommitNode(
            id,
            hash,
            parents.Count > 0 ? parents[0].Id : null,
            parents.Count > 1 ? parents[1].Id : null,
            parents.Count == 0 ? 1 : parents.Max(p => p.Generation) + 1);

        await store.InsertCommitAsync(node, author, time, message, cancellationToken).ConfigureAwait(false);
        if (node.Parent1 is { } first)
        {
            await store.CopySnapshotAsync(first, id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var change in changes)
        {
            if (change.SqlId is { } sqlId)
            {
                await store.PutViewAsync(id, change.StoredKey, sqlId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await store.DeleteViewAsync(id, change.StoredKey, cancellationToken).ConfigureAwait(false);
            }

            await store.AddChangeAsync(id, change.StoredKey, cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in alsoTouched)
        {
            await store.AddChangeAsync(id, key, cancellationToken).ConfigureAwait(false);
        }

        return node;
    }
}
