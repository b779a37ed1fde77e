using LakehouseManager.Catalog;
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
public sealed partial class MirrorSync
{
    private readonly ICatalog _catalog;
    private readonly GitRepository _repository;
    private readonly MirrorFolder _mirror;
    private readonly SyncSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SyncCheckout _checkout;

    public MirrorSync(
        ICatalog catalog,
        GitRepository repository,
        MirrorFolder mirror,
        SyncSettings settings,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
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
        return await ComputeDeltaAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the delta as one commit (none when nothing changed) and pushes. When the checkout moved since the delta
    /// was computed (another sync committed meanwhile), the delta is computed again first.
    /// </summary>
    public async Task<SyncOutcome> CommitAsync(CatalogDelta delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Branch != _settings.Branch)
        {
            throw new ArgumentException($"The delta is for branch '{delta.Branch}', not '{_settings.Branch}'.", nameof(delta));
        }

        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var branch = await _repository.WorkTree.GetCurrentBranchAsync(cancellationToken).ConfigureAwait(false);
        var head = await _repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false);
        if (branch != delta.Branch || head != delta.GitHead || !await _repository.WorkTree.IsCleanAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("The checkout moved since the delta was computed; computing it again");
            delta = await ComputeDeltaAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        }

        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>FetchDelta then Commit under one lock: the whole sync.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken = default)
    {
        var gitDirectory = await _checkout.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
        await using var syncLock = await LockAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        var delta = await ComputeDeltaAsync(gitDirectory, cancellationToken).ConfigureAwait(false);
        return await CommitAndPushAsync(gitDirectory, delta, cancellationToken).ConfigureAwait(false);
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
