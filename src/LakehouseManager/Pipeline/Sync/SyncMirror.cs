using LakehouseManager.Catalog;
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
internal sealed partial class SyncMirror
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
        _checkout = new SyncCheckout(repository, mirror, settings, _logger, _timeProvider);
    }

    /// <summary>Called at each step boundary; tests throw here to interrupt a sync at that point.</summary>
    public Func<SyncStep, CancellationToken, Task>? StepHook { get; init; }

    /// <summary>
    /// Computes the delta for the branch without touching the checkout (FetchCatalogDelta alone, a dry run): the
    /// remote is fetched (only its remote-tracking refs change), and the mirror is read from git's objects at the
    /// remote-tracking branch, else the local branch, else where a new branch would start. Nothing is switched, reset
    /// or written in the working tree or the index.
    /// </summary>
    public async Task<CatalogDelta> FetchDeltaAsync(CancellationToken cancellationToken = default)
    {
        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var (commit, revision) = await _checkout.FindStartCommitAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "Reading the mirror of {Branch} from {Revision}{At} (the checkout is not touched)",
            _settings.Branch, revision, commit is null ? " (no commit yet)" : $" at {HashText.Short(commit)}");
        return await ComputeDeltaAsync(new GitTreeSnapshot(_repository, _mirror, commit), toHash: null, cancellationToken)
            .ConfigureAwait(false);
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
        var head = await PrepareCheckoutAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var start = await FindStartAsync(head, cancellationToken).ConfigureAwait(false);
        var startCommit = start.Watermark?.GitCommit ?? start.MovedFrom?.GitCommit;
        if (startCommit != (delta.WatermarkCommit ?? delta.Move?.WatermarkCommit) || (start.MovedFrom is null) != (delta.Move is null))
        {
            throw StaleDelta(delta, start.Watermark ?? start.MovedFrom);
        }

        var snapshot = new WorkTreeSnapshot(_repository, _mirror, head);
        if (head != delta.GitHead || delta.IsRedacted)
        {
            _logger.LogInformation(
                delta.IsRedacted
                    ? "The delta file holds masked text (a secret of this run); computing it again at catalog commit {Hash}"
                    : "Git branch {Branch} moved since the delta was computed (from {Before} to {After}); computing it again at catalog commit {Hash}",
                delta.Branch, HashText.Short(delta.GitHead), HashText.Short(head), HashText.Short(delta.ToHash));
            delta = await ComputeDeltaAsync(snapshot, delta.ToHash, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Written by another job, perhaps with other flags: checked again with this run's.
            await EnsureSafeAsync(delta, snapshot, cancellationToken).ConfigureAwait(false);
        }

        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>FetchDelta then Commit under one lock: the whole sync.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken = default)
    {
        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var delta = await ComputeCheckoutDeltaAsync(gitDirectory, toHash: null, cancellationToken).ConfigureAwait(false);
        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings the checkout to the branch (recovering an interrupted sync first), then computes the delta there.</summary>
    private async Task<CatalogDelta> ComputeCheckoutDeltaAsync(string gitDirectory, string? toHash, CancellationToken cancellationToken)
    {
        // The catalog branch first: an unknown one is an error before anything in the checkout changes.
        toHash ??= (await Catalog.GetBranchAsync(_settings.Branch, cancellationToken).ConfigureAwait(false)).Hash;
        var head = await PrepareCheckoutAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        return await ComputeDeltaAsync(new WorkTreeSnapshot(_repository, _mirror, head), toHash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prepares the checkout and returns its HEAD commit (null on a branch with no commit yet).</summary>
    private async Task<string?> PrepareCheckoutAsync(string gitDirectory, CancellationToken cancellationToken)
    {
        await _checkout.PrepareAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        await StepAsync(SyncStep.CheckoutPrepared, cancellationToken).ConfigureAwait(false);
        return await _repository.History.RevParseAsync("HEAD^{commit}", cancellationToken).ConfigureAwait(false);
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
