namespace LakehouseManager.Catalog.Local;

/// <summary>Commit metadata and the log of a branch, for SHOW LOGS, tests and tools.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>The commit with this hash (or unique prefix).</summary>
    public Task<LocalCommit> GetCommitAsync(string hash, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: false,
            async store =>
            {
                var node = await ResolveHashAsync(store, hash, cancellationToken).ConfigureAwait(false);
                return await store.GetCommitAsync(node.Id, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>The branch's commits, newest first, following first parents as Nessie's log does.</summary>
    public Task<IReadOnlyList<LocalCommit>> GetLogAsync(string branch, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync(
            write: false,
            async store =>
            {
                var head = await RequireBranchAsync(store, branch, cancellationToken).ConfigureAwait(false);
                return await LogFromAsync(store, head, limit, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The commits from <paramref name="hash"/> back, newest first, following first parents.</summary>
    public Task<IReadOnlyList<LocalCommit>> GetLogFromAsync(string hash, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync(
            write: false,
            async store =>
            {
                var node = await ResolveHashAsync(store, hash, cancellationToken).ConfigureAwait(false);
                return await LogFromAsync(store, node, limit, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private static async Task<IReadOnlyList<LocalCommit>> LogFromAsync(
        CatalogStore store, CommitNode head, int limit, CancellationToken cancellationToken)
    {
        var log = new List<LocalCommit>();
        long? next = head.Id;
        while (next is { } id && log.Count < limit)
        {
            log.Add(await store.GetCommitAsync(id, cancellationToken).ConfigureAwait(false));
            next = (await store.GetNodeAsync(id, cancellationToken).ConfigureAwait(false)).Parent1;
        }

        return log;
    }
}
