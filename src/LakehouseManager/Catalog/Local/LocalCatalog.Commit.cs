using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Committing view changes to a branch, with Nessie's expected-hash semantics.</summary>
public sealed partial class LocalCatalog
{
    /// <summary>
    /// Commits the operations to <paramref name="branch"/> in one transaction and returns the branch at its new head.
    /// As in Nessie, <paramref name="expectedHash"/> may be older than the head: the commit then goes on top of the
    /// head, unless one of the touched keys changed in between (ReferenceConflict naming the key). Deleting a view
    /// that does not exist is a BadRequest naming it. SQL texts are stored exactly as given.
    /// </summary>
    public Task<CatalogBranch> CommitAsync(
        string branch,
        string expectedHash,
        IReadOnlyList<ViewOperation> operations,
        string message,
        CancellationToken cancellationToken = default)
    {
        RefName.Require(branch);
        ArgumentNullException.ThrowIfNull(operations);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, $"A commit to branch '{branch}' needs a message; it was empty.");
        }

        ValidateOperations(branch, operations);
        return RunAsync(
            write: true,
            async store =>
            {
                var head = await RequireBranchAsync(store, branch, cancellationToken).ConfigureAwait(false);
                var expected = await ResolveHashAsync(store, expectedHash, cancellationToken).ConfigureAwait(false);
                if (expected.Id != head.Id)
                {
                    await RequireUnchangedKeysAsync(store, branch, expectedHash, expected, head, operations, cancellationToken)
                        .ConfigureAwait(false);
                }

                var changes = new List<AppliedChange>(operations.Count);
                foreach (var operation in operations)
                {
                    var storedKey = StorageKey.Encode(operation.Key);
                    if (operation.Sql is { } sql)
                    {
                        changes.Add(new AppliedChange(
                            storedKey, await store.InternSqlAsync(sql, cancellationToken).ConfigureAwait(false)));
                        continue;
                    }

                    if (await store.GetSqlIdAsync(head.Id, storedKey, cancellationToken).ConfigureAwait(false) is null)
                    {
                        throw new CatalogException(
                            CatalogErrorKind.BadRequest,
                            $"Cannot delete view {operation.Key} on branch '{branch}': key '{operation.Key}' does not " +
                            $"exist at '{head.Hash}'.");
                    }

                    changes.Add(new AppliedChange(storedKey, null));
                }

                var commit = await CommitWriter.AppendAsync(
                    store, _repositoryId, [head.Id], Options.Author, Options.TimeProvider.GetUtcNow(), message, changes, [],
                    cancellationToken).ConfigureAwait(false);
                await store.SetBranchHeadAsync(branch, commit.Id, cancellationToken).ConfigureAwait(false);
                return new CatalogBranch(branch, commit.Hash);
            },
            cancellationToken);
    }

    private static void ValidateOperations(string branch, IReadOnlyList<ViewOperation> operations)
    {
        var seen = new HashSet<ContentKey>();
        foreach (var operation in operations)
        {
            if (!seen.Add(operation.Key))
            {
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    $"A commit to branch '{branch}' names key '{operation.Key}' twice; give one operation per key.");
            }

            if (operation.Sql is { } sql)
            {
                try
                {
                    CommitHasher.StrictUtf8.GetByteCount(sql);
                }
                catch (ArgumentException exception)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest,
                        $"The SQL text of view {operation.Key} holds an unpaired surrogate character and cannot be stored.",
                        exception);
                }
            }
        }
    }

    /// <summary>The branch moved since the expected hash: allowed only when none of the touched keys changed.</summary>
    private async Task RequireUnchangedKeysAsync(
        CatalogStore store,
        string branch,
        string expectedHash,
        CommitNode expected,
        CommitNode head,
        IReadOnlyList<ViewOperation> operations,
        CancellationToken cancellationToken)
    {
        if (!await CommitGraph.IsAncestorAsync(store, expected.Id, head.Id, cancellationToken).ConfigureAwait(false))
        {
            throw StaleHash(branch, expectedHash, head.Hash);
        }

        foreach (var operation in operations)
        {
            var storedKey = StorageKey.Encode(operation.Key);
            var then = await store.GetSqlIdAsync(expected.Id, storedKey, cancellationToken).ConfigureAwait(false);
            var now = await store.GetSqlIdAsync(head.Id, storedKey, cancellationToken).ConfigureAwait(false);
            if (then != now)
            {
                throw new CatalogException(
                    CatalogErrorKind.Conflict,
                    $"named-reference '{branch}' is not at expected hash '{expectedHash}', but at '{head.Hash}', and " +
                    $"key '{operation.Key}' was changed in between; read the view again and retry.");
            }
        }
    }
}
