using LakehouseManager.Catalog.Views;
using LakehouseManager.IO;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// Mirrors one catalog branch into the git branch of the same name (design §4): <see cref="FetchDeltaAsync"/> computes
/// what must change (FetchCatalogDelta, a dry run on its own) and <see cref="CommitAsync"/> writes it as one commit and
/// pushes it (CommitMirror). The watermark lives in git trailers, so an interrupted sync is simply done again; syncs
/// of one checkout take turns under a lock.
/// </summary>
public sealed partial class SyncMirror
{
    private readonly CatalogViews _views;
    private readonly GitRepository _repository;
    private readonly MirrorFolder _mirror;
    private readonly SyncSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SyncCheckout _checkout;

    public SyncMirror(
        CatalogViews views,
        GitRepository repository,
        MirrorFolder mirror,
        SyncSettings settings,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        _views = views ?? throw new ArgumentNullException(nameof(views));
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _mirror = mirror ?? throw new ArgumentNullException(nameof(mirror));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        RefName.Require(settings.Branch, "branch (--to-ref)");
        RefName.Require(settings.FromRef, "branch (--from-ref)");
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _checkout = new SyncCheckout(repository, mirror, settings, _logger);
    }

    /// <summary>Called at each step boundary; tests throw here to interrupt a sync at that point.</summary>
    public Func<SyncStep, CancellationToken, Task>? StepHook { get; init; }

    /// <summary>Computes the delta for the branch (the checkout is brought to the branch, nothing is written).</summary>
    public async Task<CatalogDelta> FetchDeltaAsync(CancellationToken cancellationToken = default)
    {
        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        return await ComputeDeltaAsync(gitDirectory, toHash: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a delta computed earlier (perhaps by another process, read from the delta file) as one commit (none when
    /// nothing changed) and pushes. The delta must still start from the branch's latest watermark: when another sync
    /// committed since, it is stale and refused. When only other commits came in (a human's), the delta is computed
    /// again at the same catalog commit. A catalog that moved on since is fine: the commit records the catalog commit
    /// the delta was computed at, and the next sync picks up the rest.
    /// </summary>
    public async Task<SyncOutcome> CommitAsync(CatalogDelta delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Branch != _settings.Branch)
        {
            throw new LakehouseException(
                $"The delta is for branch '{delta.Branch}', but this CommitMirror is for '{_settings.Branch}' (--to-ref): " +
                "run FetchCatalogDelta for that branch first, or pass the delta's branch.");
        }

        if (delta.MirrorPath != _mirror.MirrorPath)
        {
            throw new LakehouseException(
                $"The delta was computed for mirror folder '{SyncCommitMessage.MirrorPathToTrailer(delta.MirrorPath)}', but " +
                $"--mirror-path is '{SyncCommitMessage.MirrorPathToTrailer(_mirror.MirrorPath)}': run FetchCatalogDelta again " +
                "with the same --mirror-path.");
        }

        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        await _checkout.PrepareAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var watermark = await FindWatermarkAsync(cancellationToken).ConfigureAwait(false);
        if (watermark?.GitCommit != delta.WatermarkCommit)
        {
            throw StaleDelta(delta, watermark);
        }

        var head = await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
        if (head != delta.GitHead)
        {
            _logger.LogInformation(
                "Git branch {Branch} moved since the delta was computed (from {Before} to {After}); computing it again at catalog commit {Hash}",
                delta.Branch, HashText.Short(delta.GitHead), HashText.Short(head), HashText.Short(delta.ToHash));
            delta = await ComputeDeltaAsync(gitDirectory, delta.ToHash, cancellationToken).ConfigureAwait(false);
        }

        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>FetchDelta then Commit under one lock: the whole sync.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken = default)
    {
        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var delta = await ComputeDeltaAsync(gitDirectory, toHash: null, cancellationToken).ConfigureAwait(false);
        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
    }

    private static LakehouseException StaleDelta(CatalogDelta delta, GitWatermark? latest)
    {
        var started = delta.WatermarkCommit is null
            ? "from no watermark (a first sync)"
            : $"from mirror commit {HashText.Short(delta.WatermarkCommit)} (catalog commit {HashText.Short(delta.FromHash)})";
        var now = latest is null
            ? "has no mirror commit any more"
            : $"is now at mirror commit {HashText.Short(latest.GitCommit)} (catalog commit {HashText.Short(latest.CatalogHash)})";
        return new LakehouseException(
            $"The delta is stale: it was computed {started}, but git branch '{delta.Branch}' {now}: another sync " +
            "committed since. Nothing was written. Run FetchCatalogDelta again (or Sync).");
    }

    private Task<FileLock> LockAsync(string gitDirectory, CancellationToken cancellationToken) =>
        FileLock.AcquireAsync(
            Path.Combine(gitDirectory, "lakehouse-manager", "sync.lock"),
            "another sync of this checkout",
            _settings.LockTimeout,
            _timeProvider,
            () => _logger.LogInformation("Waiting for another sync of {Checkout} to finish", _repository.Directory),
            cancellationToken);

    private async Task StepAsync(SyncStep step, CancellationToken cancellationToken)
    {
        if (StepHook is not null)
        {
            await StepHook(step, cancellationToken).ConfigureAwait(false);
        }
    }
}
