using LakehouseManager.Catalog;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

internal sealed partial class SyncMirror
{
    /// <summary>
    /// Where a sync starts: the nearest watermark of <paramref name="commit"/>, when it was written for this mirror
    /// folder. A watermark written for another folder (<c>--mirror-path</c> changed) is an error that names both
    /// folders, unless <c>--move-mirror</c> asks for the move: then the sync starts from scratch in the new folder and
    /// removes the old one (<see cref="SyncStart.MovedFrom"/>).
    /// </summary>
    private async Task<SyncStart> FindStartAsync(string? commit, CancellationToken cancellationToken)
    {
        var watermark = commit is null
            ? null
            : await _repository.History.FindWatermarkAsync(commit, cancellationToken).ConfigureAwait(false);
        if (watermark is null)
        {
            _logger.LogInformation("No watermark on git branch {Branch}: this is the mirror's first sync (bootstrap)", _settings.Branch);
            return new SyncStart(null, null, null);
        }

        var folders = await _repository.History.ReadTrailersAsync(watermark.GitCommit, SyncCommitMessage.MirrorPathTrailer, cancellationToken)
            .ConfigureAwait(false);
        var recorded = folders.Count == 1 ? SyncCommitMessage.MirrorPathFromTrailer(folders[0]) : _mirror.MirrorPath;
        if (recorded == _mirror.MirrorPath)
        {
            if (_settings.MoveMirror)
            {
                _logger.LogInformation("The mirror is in {Folder} already: --move-mirror has nothing to move", Shown(recorded));
            }

            return new SyncStart(watermark, null, null);
        }

        if (!_settings.MoveMirror)
        {
            throw new LakehouseException(
                $"--mirror-path is {Shown(_mirror.MirrorPath)}, but the mirror of branch '{_settings.Branch}' is in " +
                $"{Shown(recorded)} (mirror commit {HashText.Short(watermark.GitCommit)} records it). Nothing was written. " +
                $"Pass --mirror-path {SyncCommitMessage.MirrorPathToTrailer(recorded)} to sync it where it is, or add " +
                $"--move-mirror to move it to {Shown(_mirror.MirrorPath)} in one commit.");
        }

        _logger.LogInformation(
            "Moving the mirror of branch {Branch} from {Old} to {New} (--move-mirror), as recorded by mirror commit {Commit}",
            _settings.Branch, Shown(recorded), Shown(_mirror.MirrorPath), HashText.Short(watermark.GitCommit));
        return new SyncStart(null, watermark, recorded);
    }

    /// <summary>
    /// The old folder's mirror files at <paramref name="mirror"/>'s commit: those of views the catalog had at the old
    /// watermark, so that files the mirror never wrote stay. If the catalog no longer has that commit, nothing of the
    /// old folder is removed (and the log says so).
    /// </summary>
    private async Task<MirrorMove> OldMirrorAsync(
        GitWatermark old, string oldPath, MirrorSnapshot mirror, CancellationToken cancellationToken)
    {
        var keys = new HashSet<ContentKey>();
        try
        {
            string? token = null;
            do
            {
                var page = await Catalog.ListViewsAsync(old.CatalogHash, token, _settings.CatalogPageSize, cancellationToken)
                    .ConfigureAwait(false);
                keys.UnionWith(page.Items.Select(e => e.Key));
                token = page.NextPageToken;
            }
            while (token is not null);
        }
        catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.NotFound)
        {
            _logger.LogWarning(
                "The old mirror folder {Folder} is left as it is: its watermark's catalog commit {Hash} is gone, so its own files cannot be told from others. Remove it by hand",
                Shown(oldPath), HashText.Short(old.CatalogHash));
            return new MirrorMove(oldPath, old.GitCommit, []);
        }

        var folder = new MirrorFolder(_repository.Directory, oldPath);
        var entries = mirror.Commit is null
            ? []
            : await _repository.Objects.ListTreeEntriesAsync(mirror.Commit, oldPath, cancellationToken).ConfigureAwait(false);
        var files = folder.ScanTree(entries).Views.Where(v => keys.Contains(v.Key)).Select(v => folder.ToRepositoryPath(v.RelativePath));
        return new MirrorMove(oldPath, old.GitCommit, [.. files.Order(StringComparer.Ordinal)]);
    }

    private static string Shown(string mirrorPath) => mirrorPath.Length == 0 ? "the repository root" : $"'{mirrorPath}'";

    /// <summary>The watermark to start from in this folder, or the one of the folder the mirror moves from.</summary>
    private sealed record SyncStart(GitWatermark? Watermark, GitWatermark? MovedFrom, string? OldMirrorPath);
}
