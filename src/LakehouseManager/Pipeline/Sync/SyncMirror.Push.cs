using LakehouseManager.Mirror.Git;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Sync;

internal sealed partial class SyncMirror
{
    /// <summary>
    /// Pushes the branch. When the remote moved meanwhile (another sync, a human push), the push is rejected: the
    /// remote is fetched and the sync is done again on top of it, then pushed again, a bounded number of times.
    /// </summary>
    /// <remarks>
    /// Redoing the sync on top of the remote (rather than replaying the sync commit with <c>git rebase</c>) is what
    /// keeps the watermark true: a replayed commit would claim "the mirror equals catalog commit H" over a tree that
    /// also holds the remote's new changes, and a human edit among them would never be looked at again. Done again, the
    /// sync sees that edit in <c>git diff W..HEAD</c>: it is reported, and never overwritten (unless the policy says
    /// so). Commits that are not mirror commits (a human's, not pushed yet) are rebased instead.
    /// </remarks>
    private async Task<SyncOutcome> PushAsync(string gitDirectory, CatalogDelta delta, string? commit, CancellationToken cancellationToken)
    {
        if (!await _checkout.HasRemoteAsync(cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("No remote '{Remote}' in {Checkout}: nothing to push", _settings.Remote, _repository.Directory);
            return new SyncOutcome(delta, commit, PushState.NoRemote, 0);
        }

        var remoteBranch = $"{_settings.Remote}/{delta.Branch}";
        for (var attempt = 1; attempt <= _settings.MaxPushAttempts; attempt++)
        {
            var local = await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
            var remote = await _repository.History.RevParseAsync($"refs/remotes/{remoteBranch}", cancellationToken).ConfigureAwait(false);
            if (local == remote)
            {
                return new SyncOutcome(delta, commit, PushState.UpToDate, attempt - 1);
            }

            var result = await _repository.Remotes.PushAsync(_settings.Remote, delta.Branch, cancellationToken).ConfigureAwait(false);
            if (result.Status == GitPushStatus.Pushed)
            {
                await StepAsync(SyncStep.Pushed, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Pushed {Branch} to {Remote}", delta.Branch, _settings.Remote);
                return new SyncOutcome(delta, commit, PushState.Pushed, attempt);
            }

            _logger.LogWarning(
                "Push of {Branch} was rejected because {Remote} moved (attempt {Attempt} of {Max})",
                delta.Branch, _settings.Remote, attempt, _settings.MaxPushAttempts);
            await StepAsync(SyncStep.PushRejected, cancellationToken).ConfigureAwait(false);
            if (attempt == _settings.MaxPushAttempts)
            {
                break;
            }

            _logger.LogInformation("Syncing {Branch} again on top of {Remote}", delta.Branch, _settings.Remote);
            await _checkout.FetchAsync(delta.Branch, cancellationToken).ConfigureAwait(false);
            if (await _checkout.OnlyMirrorCommitsAheadAsync(cancellationToken).ConfigureAwait(false))
            {
                await _checkout.ResetUnderMarkAsync(gitDirectory, remoteBranch, cancellationToken).ConfigureAwait(false);
            }

            // PrepareAsync (inside) drops the sync's own commits and rebases the others, or reports their conflict.
            delta = await ComputeCheckoutDeltaAsync(gitDirectory, toHash: null, cancellationToken).ConfigureAwait(false);
            commit = await ApplyAndCommitAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        throw new LakehouseException(
            $"Pushing git branch {delta.Branch} to {_settings.Remote} was rejected {_settings.MaxPushAttempts} times because " +
            "the remote kept moving. Nothing is lost: the next sync does it again on top of the remote.");
    }
}
