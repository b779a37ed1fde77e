using LakehouseManager.IO;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

internal sealed partial class SyncMirror
{
    private async Task<SyncOutcome> CommitAndPushAsync(string gitDirectory, CatalogDelta delta, CancellationToken cancellationToken)
    {
        var commit = await ApplyAndCommitAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
        return await PushAsync(gitDirectory, delta, commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the delta into the mirror folder and commits it, under the journal: if the process dies before the
    /// commit, the next sync discards the half-written files and starts again. Returns the commit, or null when nothing
    /// changed.
    /// </summary>
    private async Task<string?> ApplyAndCommitAsync(string gitDirectory, CatalogDelta delta, CancellationToken cancellationToken)
    {
        if (delta.IsEmpty)
        {
            _logger.LogInformation("The mirror of {Branch} is up to date with catalog commit {Hash}: nothing to commit",
                delta.Branch, HashText.Short(delta.ToHash));
            return null;
        }

        await MirrorAttributes.EnsureBytesKeptAsync(_repository, _mirror, delta, cancellationToken).ConfigureAwait(false);
        var journal = new SyncJournal(gitDirectory);
        journal.Write(delta.Branch, SyncPhase.Write, $"writing the mirror of catalog commit {delta.ToHash}");
        await StepAsync(SyncStep.JournalWritten, cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyAsync(delta, cancellationToken).ConfigureAwait(false);
            await StepAsync(SyncStep.FilesWritten, cancellationToken).ConfigureAwait(false);

            // Exactly the files the delta wrote or deleted, even where a .gitignore rule would hide them.
            var written = delta.Changes.Where(c => c.Kind != MirrorChangeKind.Removed).Select(c => _mirror.ToRepositoryPath(c.Path));
            var deleted = delta.Changes.Select(c => c.Kind == MirrorChangeKind.Removed ? c.Path : c.PreviousPath).OfType<string>()
                .Select(_mirror.ToRepositoryPath)
                .Concat(delta.Move?.Files ?? []);
            await _repository.WorkTree.StagePathsAsync([.. written], [.. deleted], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is GitException or FileSystemException)
        {
            throw new LakehouseException(
                $"{exception.Message} The checkout {_repository.Directory} holds this sync's half-written mirror files, " +
                "marked as its own: fix the cause (for example a file's permissions, or disk space), then run again, and " +
                "the next sync discards them and starts again. Nothing was committed or pushed.",
                innerException: exception);
        }

        await StepAsync(SyncStep.Staged, cancellationToken).ConfigureAwait(false);
        if (!await _repository.WorkTree.HasStagedChangesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            throw new LakehouseException(
                $"The sync wrote {delta.Changes.Count} change(s) to the mirror of {delta.Branch}, but git sees no change to " +
                $"commit in {_repository.Directory}: check the repository's git configuration (attributes, filters) for " +
                $"the mirror folder. Nothing was committed; the next sync starts again.");
        }

        var commit = await _repository.WorkTree.CommitAsync(SyncCommitMessage.Render(delta), cancellationToken).ConfigureAwait(false);
        await StepAsync(SyncStep.Committed, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Committed {Commit} on {Branch}: {Counts}",
            HashText.Short(commit), delta.Branch, SyncCommitMessage.Counts(delta));

        journal.Clear();
        await StepAsync(SyncStep.JournalCleared, cancellationToken).ConfigureAwait(false);
        return commit;
    }

    /// <summary>
    /// Deletes before it writes, so that on a case-insensitive file system a file about to be written never lands on
    /// one about to be deleted (a case-only collision that appears or goes away moves files).
    /// </summary>
    private async Task ApplyAsync(CatalogDelta delta, CancellationToken cancellationToken)
    {
        var moved = new Dictionary<MirrorChange, string>();
        foreach (var change in delta.Changes.Where(c => c.Kind == MirrorChangeKind.Moved))
        {
            moved[change] = await _mirror.ReadViewAsync(change.PreviousPath!, cancellationToken).ConfigureAwait(false)
                ?? throw new LakehouseException($"The mirror file {change.PreviousPath} disappeared during the sync.");
        }

        foreach (var change in delta.Changes)
        {
            if (change.Kind == MirrorChangeKind.Removed)
            {
                _mirror.DeleteView(change.Path);
            }
            else if (change.PreviousPath is not null)
            {
                _mirror.DeleteView(change.PreviousPath);
            }
        }

        if (delta.Move is { } move)
        {
            // The old folder's files go first: the new folder may lie inside the old one, or around it.
            var old = new MirrorFolder(_mirror.CheckoutRoot, move.FromPath);
            foreach (var file in move.Files)
            {
                old.DeleteView(old.FromRepositoryPath(file)!);
            }
        }

        foreach (var change in delta.Changes.Where(c => c.Kind != MirrorChangeKind.Removed))
        {
            var sql = change.Kind == MirrorChangeKind.Moved ? moved[change] : change.Sql!;
            await _mirror.WriteViewAsync(change.Path, sql, cancellationToken).ConfigureAwait(false);
            await StepAsync(SyncStep.FileWritten, cancellationToken).ConfigureAwait(false);
        }
    }
}
