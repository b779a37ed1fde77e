namespace LakehouseManager.Catalog.Nessie;

/// <summary>Branch creation and deletion, and the merge: each carries the hash it expects.</summary>
internal sealed partial class NessieCatalog
{
    public async Task<CatalogBranch> CreateBranchAsync(string name, string fromHash, CancellationToken cancellationToken = default)
    {
        var created = await GuardAsync(
            () => _client.CreateReferenceAsync(name, NessieReferenceType.Branch, sourceName: null, fromHash, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new CatalogBranch(created.Name ?? name, created.Hash ?? fromHash);
    }

    public Task DeleteBranchAsync(string name, string expectedHash, CancellationToken cancellationToken = default) =>
        GuardAsync(() => _client.DeleteReferenceAsync(name, expectedHash, NessieReferenceType.Branch, cancellationToken), cancellationToken);

    /// <summary>
    /// <c>POST trees/{target}@{expected}/history/merge</c> with the reviewed source hash, conflicts as a result. A
    /// target that moved is a <see cref="CatalogException"/> of kind Conflict (the caller re-reads and retries); a
    /// merge is all or nothing, so with conflicts nothing was applied.
    /// </summary>
    public async Task<CatalogMergeResult> MergeAsync(CatalogMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new NessieMergeRequest(request.FromBranch, request.FromHash, request.Message)
        {
            Author = request.Author,
            DryRun = request.DryRun,
            ReturnConflictAsResult = true,
        };
        var response = await GuardAsync(
            () => _client.MergeAsync(request.TargetBranch, request.ExpectedTargetHash, body, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Result(response, request);
    }

    /// <summary>The port's closed set of outcomes for Nessie's answer.</summary>
    internal static CatalogMergeResult Result(NessieMergeResponse response, CatalogMergeRequest request)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(request);
        var head = response.ResultantTargetHash ?? response.EffectiveTargetHash ?? request.ExpectedTargetHash;
        if (response.NothingToMerge)
        {
            return new CatalogMergeResult.NothingToMerge(head);
        }

        if (response.Conflicts.Count > 0)
        {
            return new CatalogMergeResult.Conflicts(
            [
                .. response.Conflicts.Select(d => new MergeConflict(
                    d.Conflict!.Key ?? d.Key, d.Conflict.ConflictType, d.Conflict.Message)),
            ]);
        }

        if (!response.WasSuccessful)
        {
            return new CatalogMergeResult.Rejected(
                "Nessie answered that the merge was not successful, without naming a conflicting key");
        }

        // A dry run names no resultant hash: the target's head now is the expected one.
        return new CatalogMergeResult.Merged(request.DryRun ? response.EffectiveTargetHash ?? request.ExpectedTargetHash : head,
            response.WasApplied);
    }
}
