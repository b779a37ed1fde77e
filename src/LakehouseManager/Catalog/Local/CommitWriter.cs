using System.Globalization;

namespace LakehouseManager.Catalog.Local;

/// <summary>A change a commit applies to its first parent's snapshot: a stored key and its new SQL id (null: delete).</summary>
internal readonly record struct AppliedChange(string StoredKey, long? SqlId);

/// <summary>
/// Appends a commit: its row and hash, its place on the first-parent chains, an entry per key it changes (its views are
/// its first parent's with these applied), and the keys it touched. The caller holds the write transaction and moves
/// the branch.
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
        var (chain, depth) = await store.PlaceCommitAsync(parents.Count > 0 ? parents[0] : null, cancellationToken)
            .ConfigureAwait(false);
        var node = new CommitNode(
            id,
            hash,
            parents.Count > 0 ? parents[0].Id : null,
            parents.Count > 1 ? parents[1].Id : null,
            parents.Count == 0 ? 1 : parents.Max(p => p.Generation) + 1,
            chain,
            depth);

        await store.InsertCommitAsync(node, author, time, message, cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            await store.PutEntryAsync(node, change.StoredKey, change.SqlId, cancellationToken).ConfigureAwait(false);
            await store.AddChangeAsync(id, change.StoredKey, cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in alsoTouched)
        {
            await store.AddChangeAsync(id, key, cancellationToken).ConfigureAwait(false);
        }

        return node;
    }
}
