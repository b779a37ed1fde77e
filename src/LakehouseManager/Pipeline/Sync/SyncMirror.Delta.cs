using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

internal sealed partial class SyncMirror
{
    private ICatalog Catalog => _views.Catalog;

    /// <summary>
    /// Gathers what the planner needs from <paramref name="mirror"/> and plans. With a watermark W: the keys the
    /// catalog changed in <c>Diff(W.hash, head)</c>, plus the mirror files changed in git since W (and the drift and
    /// unresolved views W carried); catalog reads grow with the changes, not the catalog. Without one: the whole
    /// catalog branch and the whole mirror (bootstrap). A view whose SQL cannot be read is left as it is and reported,
    /// never taken for deleted. A file the mirror does not own (no mirror commit wrote it) is never deleted or
    /// rewritten. The delta is checked before it is returned (<see cref="SyncSafety"/>).
    /// </summary>
    /// <param name="mirror">The mirror as read: the prepared checkout, or (a dry run) a commit's tree.</param>
    /// <param name="toHash">The catalog commit to mirror; null for the branch's head.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    private async Task<CatalogDelta> ComputeDeltaAsync(MirrorSnapshot mirror, string? toHash, CancellationToken cancellationToken)
    {
        var branch = _settings.Branch;
        var head = toHash ?? (await Catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false)).Hash;
        var start = await FindStartAsync(mirror.Commit, cancellationToken).ConfigureAwait(false);
        var watermark = start.Watermark;

        HashSet<ContentKey> catalogChanged = [];
        var edited = watermark is null ? new GitEdits([], []) : await GitEditsAsync(watermark, mirror, cancellationToken).ConfigureAwait(false);
        HashSet<ContentKey> examined;
        HashSet<ContentKey> notOwned = [];
        Dictionary<ContentKey, string> views = [];
        List<UnresolvedView> unresolved = [];
        List<ViewRename> renames = [];
        List<string> foreign = [];
        MirrorScan scan;
        MirrorMove? move = null;
        var changes = watermark is null ? null : await TryDiffAsync(watermark, head, cancellationToken).ConfigureAwait(false);
        if (watermark is not null && changes is not null)
        {
            catalogChanged = [.. changes.Select(c => c.Key)];
            renames = Renames(changes);
            var pending = await PendingKeysAsync(watermark, cancellationToken).ConfigureAwait(false);
            HashSet<ContentKey> candidates = [.. catalogChanged, .. edited.Keys.Keys, .. pending];
            foreach (var view in await _views.ReadAsync(head, candidates, _settings.CatalogPageSize, cancellationToken).ConfigureAwait(false))
            {
                Collect(view, views, unresolved);
            }

            // A file changed in git whose view the catalog has neither now nor at the watermark (it is not in the diff)
            // was never written by a mirror commit: a migration, a human's new file. It is not the mirror's to delete.
            var unreadable = unresolved.Select(u => u.Key).ToHashSet();
            notOwned = [.. edited.Keys.Keys.Where(k =>
                !views.ContainsKey(k) && !unreadable.Contains(k) && !catalogChanged.Contains(k) && !pending.Contains(k))];
            foreach (var key in notOwned.Order())
            {
                if (await mirror.ExistsAsync(edited.Keys[key], cancellationToken).ConfigureAwait(false))
                {
                    foreign.Add(edited.Keys[key]);
                }
            }

            examined = [.. candidates.Where(k => !notOwned.Contains(k))];
            var (found, complete) = await mirror.ScanAsync(examined, cancellationToken).ConfigureAwait(false);
            scan = complete ? found : found with { Problems = edited.Unmappable };
            _logger.LogInformation(
                "Watermark {Commit} (catalog {Ref} at {Hash}): {Catalog} key(s) changed in the catalog, {Git} file(s) in git, {Pending} view(s) pending",
                HashText.Short(watermark.GitCommit), watermark.CatalogRef, HashText.Short(watermark.CatalogHash),
                catalogChanged.Count, edited.Keys.Count + edited.Unmappable.Count, pending.Count);
        }
        else
        {
            // No watermark (a new mirror, a move), or one whose catalog commit is gone: the whole branch is compared.
            // The files git changed since a watermark are still known, so those edits stay protected by the policy.
            watermark = null;
            _logger.LogInformation("Reading the whole catalog branch {Branch} to compare it with the mirror", branch);
            await foreach (var view in _views.ListAsync(head, _settings.CatalogPageSize, cancellationToken).ConfigureAwait(false))
            {
                Collect(view, views, unresolved);
            }

            if (start.MovedFrom is { } old)
            {
                move = await OldMirrorAsync(old, start.OldMirrorPath!, mirror, cancellationToken).ConfigureAwait(false);
            }

            var (found, _) = await mirror.ScanAsync(null, cancellationToken).ConfigureAwait(false);
            var leaving = move?.Files.ToHashSet(StringComparer.Ordinal) ?? [];
            scan = new MirrorScan(
                [.. found.Views.Where(v => !leaving.Contains(_mirror.ToRepositoryPath(v.RelativePath)))],
                [.. found.Problems.Where(p => !leaving.Contains(_mirror.ToRepositoryPath(p.RelativePath)))]);

            // Without a watermark nothing tells the mirror's own files from anybody else's: the files of views the
            // catalog does not have are not touched, and they stop the sync unless --adopt-existing adopts them.
            var unreadable = unresolved.Select(u => u.Key).ToHashSet();
            if (!_settings.AdoptExisting)
            {
                notOwned = [.. scan.Views.Select(v => v.Key).Where(k => !views.ContainsKey(k) && !unreadable.Contains(k))];
                foreign.AddRange(scan.Views.Where(v => notOwned.Contains(v.Key)).Select(v => v.RelativePath));
                foreign.AddRange(scan.Problems.Select(p => p.RelativePath));
            }

            examined = [.. views.Keys, .. scan.Views.Select(v => v.Key).Where(k => !notOwned.Contains(k))];
        }

        // An unresolved view keeps its file as it is: it is not examined, so the planner neither writes nor deletes it.
        examined.ExceptWith(unresolved.Select(u => u.Key));
        foreach (var view in unresolved)
        {
            _logger.LogWarning("The SQL of view {View} could not be read, so its file is left as it is: {Reason}", view.Key, view.Reason);
        }

        var files = scan.Views.Where(v => !notOwned.Contains(v.Key)).ToList();
        var contents = await mirror.ReadViewsAsync(
            [.. files.Where(v => examined.Contains(v.Key)).Select(v => v.RelativePath)], cancellationToken).ConfigureAwait(false);
        var delta = SyncPlanner.Plan(new SyncPlanInput(
            branch, _mirror.MirrorPath, head, watermark, mirror.Commit, examined, catalogChanged, views, files,
            scan.Problems, contents, edited.Keys, _settings.OnGitEdit, unresolved, renames)
        {
            Foreign = foreign,
            Move = move,
        });
        await EnsureSafeAsync(delta, mirror, cancellationToken).ConfigureAwait(false);
        foreach (var path in delta.Foreign.Where(_ => !delta.IsBootstrap))
        {
            _logger.LogInformation("{Path} is not a mirror file (no mirror commit wrote it): left as it is", _mirror.ToRepositoryPath(path));
        }

        await StepAsync(SyncStep.DeltaComputed, cancellationToken).ConfigureAwait(false);
        return delta;
    }

    /// <summary>The checks before anything is written: files the mirror does not own, and too many removals.</summary>
    private async Task EnsureSafeAsync(CatalogDelta delta, MirrorSnapshot mirror, CancellationToken cancellationToken)
    {
        SyncSafety.EnsureNoForeignFiles(delta, _settings);
        if (delta.Changes.Any(c => c.Kind == MirrorChangeKind.Removed))
        {
            var count = await mirror.CountCommittedViewsAsync(cancellationToken).ConfigureAwait(false);
            SyncSafety.EnsureNotMassDelete(delta, count, _settings);
        }
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
    private async Task<GitEdits> GitEditsAsync(GitWatermark watermark, MirrorSnapshot mirror, CancellationToken cancellationToken)
    {
        var changed = await _repository.Objects.DiffNamesAsync(watermark.GitCommit, mirror.Commit!, _mirror.MirrorPath, cancellationToken)
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
            else if (MirrorLayout.IsMirrorFile(path) && await mirror.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            {
                unmappable.Add(new MirrorProblem(path, error!));
            }
        }

        return new GitEdits(keys, unmappable);
    }

    private sealed record GitEdits(Dictionary<ContentKey, string> Keys, IReadOnlyList<MirrorProblem> Unmappable);
}
