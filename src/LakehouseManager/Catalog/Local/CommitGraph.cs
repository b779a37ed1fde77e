namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Walks of the commit graph in generation order (highest first), so each walk visits only the commits between the
/// commits it compares, never the whole history: merge base, "reachable from X but not from Y", ancestry.
/// </summary>
internal static class CommitGraph
{
    private const int FromLeft = 1;
    private const int FromRight = 2;

    /// <summary>
    /// A best common ancestor: the first commit the walk reaches from both sides. Every commit is popped after all its
    /// descendants, so it has the highest generation among common ancestors and is no ancestor of another one.
    /// </summary>
    public static async Task<long> MergeBaseAsync(CatalogStore store, long left, long right, CancellationToken cancellationToken)
    {
        if (left == right)
        {
            return left;
        }

        var walk = new Walk(store);
        await walk.MarkAsync(left, FromLeft, cancellationToken).ConfigureAwait(false);
        await walk.MarkAsync(right, FromRight, cancellationToken).ConfigureAwait(false);
        while (walk.TryPop(out var node, out var flags))
        {
            if (flags == (FromLeft | FromRight))
            {
                return node.Id;
            }

            foreach (var parent in node.Parents)
            {
                await walk.MarkAsync(parent, flags, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException("Two commits of the local catalog have no common ancestor.");
    }

    /// <summary>The commits reachable from <paramref name="tip"/> and not from <paramref name="excluded"/>.</summary>
    public static async Task<IReadOnlyList<long>> RangeAsync(
        CatalogStore store, long tip, long excluded, CancellationToken cancellationToken)
    {
        var result = new List<long>();
        if (tip == excluded)
        {
            return result;
        }

        var walk = new Walk(store);
        await walk.MarkAsync(tip, FromLeft, cancellationToken).ConfigureAwait(false);
        await walk.MarkAsync(excluded, FromRight, cancellationToken).ConfigureAwait(false);

        // Stop once only excluded commits are queued: nothing below them can be in the range.
        while (walk.QueuedWithout(FromRight) > 0 && walk.TryPop(out var node, out var flags))
        {
            if (flags == FromLeft)
            {
                result.Add(node.Id);
            }

            foreach (var parent in node.Parents)
            {
                await walk.MarkAsync(parent, flags, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public static async Task<bool> IsAncestorAsync(
        CatalogStore store, long ancestor, long descendant, CancellationToken cancellationToken)
    {
        if (ancestor == descendant)
        {
            return true;
        }

        var target = await store.GetNodeAsync(ancestor, cancellationToken).ConfigureAwait(false);
        var walk = new Walk(store);
        await walk.MarkAsync(descendant, FromLeft, cancellationToken).ConfigureAwait(false);
        while (walk.TryPop(out var node, out _))
        {
            if (node.Id == ancestor)
            {
                return true;
            }

            foreach (var parent in node.Parents)
            {
                var parentNode = await store.GetNodeAsync(parent, cancellationToken).ConfigureAwait(false);
                if (parentNode.Generation >= target.Generation)
                {
                    await walk.MarkAsync(parent, FromLeft, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return false;
    }

    /// <summary>The stored keys touched by the commits reachable from <paramref name="tip"/> and not from <paramref name="excluded"/>.</summary>
    public static async Task<HashSet<string>> TouchedKeysAsync(
        CatalogStore store, long tip, long excluded, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(store, tip, excluded, cancellationToken).ConfigureAwait(false);
        return await store.GetChangedKeysAsync(range, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A priority queue of commits by generation, each with the sides it was reached from.</summary>
    private sealed class Walk(CatalogStore store)
    {
        private readonly PriorityQueue<CommitNode, (long Generation, long Id)> _queue =
            new(Comparer<(long Generation, long Id)>.Create((a, b) => b.CompareTo(a)));

        private readonly Dictionary<long, int> _flags = [];
        private readonly HashSet<long> _queued = [];

        public int QueuedWithout(int flag) => _queued.Count(id => (_flags[id] & flag) == 0);

        public async Task MarkAsync(long id, int flags, CancellationToken cancellationToken)
        {
            var old = _flags.GetValueOrDefault(id);
            if ((old | flags) == old)
            {
                return;
            }

            _flags[id] = old | flags;
            if (old == 0)
            {
                var node = await store.GetNodeAsync(id, cancellationToken).ConfigureAwait(false);
                _queue.Enqueue(node, (node.Generation, node.Id));
                _queued.Add(id);
            }
        }

        public bool TryPop(out CommitNode node, out int flags)
        {
            if (!_queue.TryDequeue(out node!, out _))
            {
                flags = 0;
                return false;
            }

            _queued.Remove(node.Id);
            flags = _flags[node.Id];
            return true;
        }
    }
}
