using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

public sealed partial class SyncMirror
{
    private ICatalog Catalog => _views.Catalog;

    /// <summary>
    /// Gathers what the planner needs. With a watermark W: the keys the catalog changed in <c>Diff(W.hash, head)</c>,
    /// plus the mirror files changed in git since W (and the drift and unresolved views W carried); catalog reads grow
    /// with the changes, not the catalog. Without one: the whole catalog branch and the whole mirror (bootstrap). A
    /// view whose SQL cannot be read is left as it is and reported, never taken for deleted.
    /// </summary>
    /// <param name="gitDirectory">The checkout's git directory.</param>
    /// <param name="toHash">The catalog commit to mirror; null for the branch's head.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    private async Task<CatalogDelta> ComputeDeltaAsync(string gitDirectory, string? toHash, CancellationToken cancellationToken)
    {
        var branch = _settings.Branch;
        var head = toHash ?? (await Catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false)).Hash;
        await _checkout.PrepareAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        await StepAsync(SyncStep.CheckoutPrepared, cancellationToken).ConfigureAwait(false);

        var gitHead = await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
        var watermark = await FindWatermarkAsync(cancellationToken).ConfigureAwait(false);

        HashSet<ContentKey> catalogChanged = [];
        var edited = watermark is null ? new GitEdits([], []) : await GitEditsAsync(watermark, cancellationToken).ConfigureAwait(false);
        HashSet<ContentKey> examined;
        Dictionary<ContentKey, string> views = [];
        List<UnresolvedView> unresolved = [];
        List<ViewRename> renames = [];
        MirrorScan scan;
        var changes = watermark is null ? null : await TryDiffAsync(watermark, head, cancellationToken).ConfigureAwait(false);
        if (watermark is not null && changes is not null)
        {
            catalogChanged = [.. changes.Select(c => c.Key)];
            renames = Renames(changes);
            var pending = await PendingKeysAsync(watermark, cancellationToken).ConfigureAwait(false);
            examined = [.. catalogChanged, .. edited.Keys.Keys, .. pending];
            foreach (var view in await _views.ReadAsync(head, examined, _settings.CatalogPageSize, cancellationToken).ConfigureAwait(false))
            {
                Collect(view, views, unresolved);
            }

            // Only the examined keys' folders are read, unless a case-only collision is in play there.
            var plain = _mirror.TryScanPlain(examined);
            scan = plain is null ? _mirror.Scan() : plain with { Problems = edited.Unmappable };
            _logger.LogInformation(
                "Watermark {Commit} (catalog {Ref} at {Hash}): {Catalog} key(s) changed in the catalog, {Git} file(s) in git, {Pending} view(s) pending",
                HashText.Short(watermark.GitCommit), watermark.CatalogRef, HashText.Short(watermark.CatalogHash),
                catalogChanged.Count, edited.Keys.Count + edited.Unmappable.Count, pending.Count);
        }
        else
        {
            // No watermark (a new mirror), or one whose catalog commit is gone: the whole branch is compared. The files
            // git changed since a watermark are still known, so those edits stay protected by the policy.
            watermark = null;
            _logger.LogInformation("Reading the whole catalog branch {Branch} to compare it with the mirror", branch);
            await foreach (var view in _views.ListAsync(head, _settings.CatalogPageSize, cancellationToken).ConfigureAwait(false))
            {
                Collect(view, views, unresolved);
            }

            scan = _mirror.Scan();
            examined = [.. views.Keys, .. scan.Views.Select(v => v.Key)];
        }

        // An unresolved view keeps its file as it is: it is not examined, so the planner neither writes nor deletes it.
        examined.ExceptWith(unresolved.Select(u => u.Key));
        foreach (var view in unresolved)
        {
            _logger.LogWarning("The SQL of view {View} could not be read, so its file is left as it is: {Reason}", view.Key, view.Reason);
        }

        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in scan.Views.Where(v => examined.Contains(v.Key)))
        {
            if (await _mirror.ReadViewAsync(file.RelativePath, cancellationToken).ConfigureAwait(false) is { } sql)
            {
                contents[file.RelativePath] = sql;
            }
        }

        var delta = SyncPlanner.Plan(new SyncPlanInput(
            branch, _mirror.MirrorPath, head, watermark, gitHead, examined, catalogChanged, views, scan.Views,
            scan.Problems, contents, edited.Keys, _settings.OnGitEdit, unresolved, renames));
        await StepAsync(SyncStep.DeltaComputed, cancellationToken).ConfigureAwait(false);
        return delta;
    }

    private static void Collect(ViewSql view, Dictionary<ContentKey, string> views, List<UnresolvedView> unresolved)
    {
        switch (view)
        {
            case ViewSql.Resolved resolved:
                views[resolved.Key] = resolved.Sql;
                break;
            case ViewSql.Unresolved failed:
                unresolved.Add(new UnresolvedView(failed.Key, failed.Reason));
                break;
        }
    }

    /// <summary>A removed key and an added key with the same content id: the catalog renamed the view.</summary>
    private static List<ViewRename> Renames(IReadOnlyList<CatalogChange> changes)
    {
        var removed = changes.Where(c => c is { Kind: ChangeKind.Removed, ContentId: not null })
            .GroupBy(c => c.ContentId!)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.Ordinal);
        return
        [
            .. changes.Where(c => c is { Kind: ChangeKind.Added, ContentId: not null } && removed.ContainsKey(c.ContentId!))
                .Select(c => new ViewRename(removed[c.ContentId!], c.Key, c.ContentId!)),
        ];
    }

    /// <summary>
    /// The nearest watermark of the checkout's HEAD, unless it was written for another mirror folder (the
    /// <c>--mirror-path</c> changed): its files are elsewhere, so it says nothing about this folder.
    /// </summary>
    private async Task<GitWatermark?> FindWatermarkAsync(CancellationToken cancellationToken)
    {
        var watermark = await _repository.History.FindWatermarkAsync("HEAD", cancellationToken).ConfigureAwait(false);
        if (watermark is null)
        {
            _logger.LogInformation("No watermark on git branch {Branch}: this is the mirror's first sync (bootstrap)", _settings.Branch);
            return null;
        }

        var folders = await _repository.History.ReadTrailersAsync(watermark.GitCommit, SyncCommitMessage.MirrorPathTrailer, cancellationToken)
            .ConfigureAwait(false);
        if (folders.Count == 1 && SyncCommitMessage.MirrorPathFromTrailer(folders[0]) != _mirror.MirrorPath)
        {
            _logger.LogWarning(
                "Watermark {Commit} was written for mirror folder '{Old}', not '{New}' (--mirror-path): syncing from scratch",
                HashText.Short(watermark.GitCommit), folders[0], SyncCommitMessage.MirrorPathToTrailer(_mirror.MirrorPath));
            return null;
        }

        return watermark;
    }

    /// <summary>The changes in the catalog since the watermark, or null when the catalog no longer has its hash.</summary>
    private async Task<List<CatalogChange>?> TryDiffAsync(GitWatermark watermark, string head, CancellationToken cancellationToken)
    {
        var changes = new List<CatalogChange>();
        try
        {
            await foreach (var change in Catalog.DiffAllAsync(watermark.CatalogHash, head, _settings.CatalogPageSize, cancellationToken)
                .ConfigureAwait(false))
            {
                changes.Add(change);
            }

            return changes;
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            _logger.LogWarning(
                "Watermark {Commit} names catalog commit {Hash}, which the {Catalog} does not have: comparing the whole branch",
                HashText.Short(watermark.GitCommit), HashText.Short(watermark.CatalogHash), Catalog.Description);
            return null;
        }
    }

    /// <summary>The views the watermark's sync could not read (<c>Catalog-Pending</c> trailers): they are examined again.</summary>
    private async Task<List<ContentKey>> PendingKeysAsync(GitWatermark watermark, CancellationToken cancellationToken)
    {
        var paths = await _repository.History.ReadTrailersAsync(watermark.GitCommit, SyncCommitMessage.PendingTrailer, cancellationToken)
            .ConfigureAwait(false);
        var keys = new List<ContentKey>();
        foreach (var path in paths)
        {
            if (MirrorLayout.TryDecode(path, out var key, out _) && key is not null)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>
    /// The keys whose files changed in git since the watermark, or that it carried as drift, with the path; and the
    /// changed <c>.sql</c> files that map to no key.
    /// </summary>
    private async Task<GitEdits> GitEditsAsync(GitWatermark watermark, CancellationToken cancellationToken)
    {
        var changed = await _repository.Objects.DiffNamesAsync(watermark.GitCommit, "HEAD", _mirror.MirrorPath, cancellationToken)
            .ConfigureAwait(false);
        var drift = await _repository.History.ReadTrailersAsync(watermark.GitCommit, SyncCommitMessage.DriftTrailer, cancellationToken)
            .ConfigureAwait(false);
        var keys = new Dictionary<ContentKey, string>();
        var unmappable = new List<MirrorProblem>();
        foreach (var path in changed.Select(_mirror.FromRepositoryPath).OfType<string>().Concat(drift))
        {
            if (MirrorLayout.TryDecode(path, out var key, out var error) && key is not null)
            {
                keys.TryAdd(key, path);
            }
            else if (MirrorLayout.IsMirrorFile(path) && File.Exists(Path.Combine(_mirror.FullPath, path)))
            {
                unmappable.Add(new MirrorProblem(path, error!));
            }
        }

        return new GitEdits(keys, unmappable);
    }

    private sealed record GitEdits(Dictionary<ContentKey, string> Keys, IReadOnlyList<MirrorProblem> Unmappable);
}
