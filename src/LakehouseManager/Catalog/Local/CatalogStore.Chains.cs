namespace LakehouseManager.Catalog.Local;

/// <summary>Chains of first parents: where a new commit goes, and the ancestry a read at a commit sees.</summary>
internal sealed partial class CatalogStore
{
    /// <summary>
    /// The chain and depth of a new commit whose first parent is <paramref name="parent"/> (none for a root): the
    /// parent's chain when the parent is its tip, else a new chain forking from the parent.
    /// </summary>
    public async Task<(long Chain, long Depth)> PlaceCommitAsync(CommitNode? parent, CancellationToken cancellationToken)
    {
        if (parent is null)
        {
            return (await NewChainAsync(null, 0, cancellationToken).ConfigureAwait(false), 1);
        }

        var depth = parent.Depth + 1;
        var tip = (long)(await ScalarAsync("SELECT tip_depth FROM _lh_chains WHERE id = @p0", [parent.Chain], cancellationToken)
            .ConfigureAwait(false))!;
        if (tip == parent.Depth)
        {
            await ExecuteAsync("UPDATE _lh_chains SET tip_depth = @p1 WHERE id = @p0", [parent.Chain, depth], cancellationToken)
                .ConfigureAwait(false);
            return (parent.Chain, depth);
        }

        return (await NewChainAsync(parent.Chain, parent.Depth, cancellationToken).ConfigureAwait(false), depth);
    }

    /// <summary>The first-parent ancestry of the commit, computed once per store.</summary>
    public async Task<CommitAncestry> GetAncestryAsync(long commitId, CancellationToken cancellationToken)
    {
        if (_ancestries.TryGetValue(commitId, out var cached))
        {
            return cached;
        }

        var node = await GetNodeAsync(commitId, cancellationToken).ConfigureAwait(false);
        var limits = new Dictionary<long, long> { [node.Chain] = node.Depth };
        long? chain = node.Chain;
        while (chain is { } current)
        {
            var (parent, parentDepth) = await GetChainAsync(current, cancellationToken).ConfigureAwait(false);
            if (parent is { } p)
            {
                limits[p] = parentDepth;
            }

            chain = parent;
        }

        var ancestry = new CommitAncestry(limits);
        _ancestries[commitId] = ancestry;
        return ancestry;
    }

    private async Task<long> NewChainAsync(long? parentChain, long parentDepth, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(
            "INSERT INTO _lh_chains (parent_chain, parent_depth, tip_depth) VALUES (@p0, @p1, @p2) RETURNING id",
            [parentChain, parentChain is null ? null : parentDepth, parentDepth + 1],
            cancellationToken).ConfigureAwait(false))!;

    private async Task<(long? Parent, long ParentDepth)> GetChainAsync(long chain, CancellationToken cancellationToken)
    {
        if (_chains.TryGetValue(chain, out var cached))
        {
            return cached;
        }

        await using var reader = await ReaderAsync(
            "SELECT parent_chain, parent_depth FROM _lh_chains WHERE id = @p0", [chain], cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Chain {chain} is missing from the local catalog.");
        }

        var result = reader.IsDBNull(0) ? ((long?)null, 0L) : (reader.GetInt64(0), reader.GetInt64(1));
        _chains[chain] = result;
        return result;
    }
}
