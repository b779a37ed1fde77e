using LakehouseManager.Catalog;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

public sealed partial class MirrorSync
{
    /// <summary>
    /// Gathers what the planner needs. With a watermark W: the keys the catalog changed in <c>Diff(W.hash, head)</c>,
    /// plus the mirror files changed in git since W (and the drift W carried); catalog reads grow with the changes, not
    /// the catalog. Without one: the whole catalog branch and the whole mirror (bootstrap).
    /// </summary>
    private async Task<CatalogDelta> ComputeDeltaAsync(string gitDirectory, CancellationToken cancellationToken)
    {
        var branch = _settings.Branch;
        var head = await _catalog.GetBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        await _checkout.PrepareAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        await StepAsync(SyncStep.CheckoutPrepared, cancellationToken).ConfigureAwait(false);

        var gitHead = await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
        var watermark = await FindWatermarkAsync(cancellationToken).ConfigureAwait(false);

        HashSet<ContentKey> catalogChanged = [];
        var edited = watermark is null ? new GitEdits([], []) : await GitEditsAsync(watermark, cancellationToken).ConfigureAwait(false);
        HashSet<ContentKey> examined;
        Dictionary<ContentKey, string> views;
        MirrorScan scan;
        var changes = watermark is null ? null : await TryDiffAsync(watermark, head.Hash, cancellationToken).ConfigureAwait(false);
        if (watermark is not null && changes is not null)
        {
            catalogChanged = changes;
            examined = [.. catalogChanged, .. edited.Keys.Keys];
            views = await ReadViewsAsync(head.Hash, examined, cancellationToken).ConfigureAwait(false);

            // Only the examined keys' folders are read, unless a case-only collision is in play there.
            var plain = _mirror.TryScanPlain(examined);
            scan = plain is null ? _mirror.Scan() : plain with { Problems = edited.Unmappable };
            _logger.LogInformation(
                "Watermark {Commit} (catalog {Ref} at {Hash}): {Catalog} key(s) changed in the catalog, {Git} file(s) in git",
                HashText.Short(watermark.GitCommit), watermark.CatalogRef, HashText.Short(watermark.CatalogHash),
                catalogChanged.Count, edited.Keys.Count + edited.Unmappable.Count);
        }
        else
        {
            // No watermark (a new mirror), or one whose catalog commit is gone: the whole branch is compared. The files
            // git changed since a watermark are still known, so those edits stay protected by the policy.
            watermark = null;
            _logger.LogInformation("Reading the whole catalog branch {Branch} to compare it with the mirror", branch);
            views = [];
            await foreach (var view in _catalog.ListAllViewsAsync(head.Hash, _settings.CatalogPageSize, cancellationToken).ConfigureAwait(false))
            {
                views[view.Key] = view.Sql;
            }

            scan = _mirror.Scan();
            examined = [.. views.Keys, .. scan.Views.Select(v => v.Key)];
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
            branch, _mirror.MirrorPath, head.Hash, watermark, gitHead, examined, catalogChanged, views, scan.Views,
            scan.Problems, contents, edited.Keys, _settings.OnGitEdit));
        await StepAsync(SyncStep.DeltaComputed, cancellationToken).ConfigureAwait(false);
        return delta;
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

    /// <summary>The keys changed in the catalog since the watermark, or null when the catalog no longer has its hash.</summary>
    private async Task<HashSet<ContentKey>?> TryDiffAsync(GitWatermark watermark, string head, CancellationToken cancellationToken)
    {
        var keys = new HashSet<ContentKey>();
        try
        {
            await foreach (var change in _catalog.DiffAllAsync(watermark.CatalogHash, head, _settings.CatalogPageSize, cancellationToken)
                .ConfigureAwait(false))
            {
                keys.Add(change.Key);
            }

            return keys;
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            _logger.LogWarning(
                "Watermark {Commit} names catalog commit {Hash}, which the {Catalog} does not have: comparing the whole branch",
                HashText.Short(watermark.GitCommit), HashText.Short(watermark.CatalogHash), _catalog.Description);
            return null;
        }
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

    private async Task<Dictionary<ContentKey, string>> ReadViewsAsync(
        string hash, IReadOnlyCollection<ContentKey> keys, CancellationToken cancellationToken)
    {
        var views = new Dictionary<ContentKey, string>();
        foreach (var chunk in keys.Chunk(_settings.CatalogPageSize))
        {
            foreach (var view in await _catalog.GetViewsAsync(hash, chunk, cancellationToken).ConfigureAwait(false))
            {
                views[view.Key] = view.Sql;
            }
        }

        return views;
    }

}
