using LakehouseManager.Catalog;
using LakehouseManager.IO;
using LakehouseManager.Mirror;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline;

/// <summary>
/// The use cases behind the pipeline targets, each one call: what <c>./build.sh FetchCatalogDelta</c>, CommitMirror,
/// VerifyMirror, MergeCatalog and RunDataTests do. The targets bind parameters and call these; the demo calls the very
/// same methods on its own workspace.
/// </summary>
public sealed partial class LakehousePipeline
{
    private readonly PipelineOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public LakehousePipeline(PipelineOptions options, ILoggerFactory? loggers = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger("LakehouseManager");
        _timeProvider = timeProvider ?? TimeProvider.System;
        Repository = new GitRepository(options.RepoPath, options.Git);
        Mirror = new MirrorFolder(options.RepoPath, options.MirrorPath);
    }

    public PipelineOptions Options => _options;

    /// <summary>The mirror checkout.</summary>
    public GitRepository Repository { get; }

    /// <summary>The mirror folder in the checkout.</summary>
    public MirrorFolder Mirror { get; }

    /// <summary>The file FetchCatalogDelta writes.</summary>
    public string DeltaFile => Path.Combine(_options.ArtifactsDirectory, "catalog-delta.json");

    /// <summary>FetchCatalogDelta: computes what a sync of the branch changes, writes it to the delta file, prints it.</summary>
    public async Task<CatalogDelta> FetchCatalogDeltaAsync(string branch, CancellationToken cancellationToken = default)
    {
        var catalog = new CountingCatalog(_options.Catalog);
        var delta = await NewSync(branch, catalog).FetchDeltaAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Catalog reads: {Reads}", catalog);
        await AtomicFile.WriteTextAsync(DeltaFile, CatalogDeltaJson.Write(delta), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("{Summary}", CatalogDeltaSummary.Render(delta).TrimEnd());
        _logger.LogInformation("Delta written to {File}", DeltaFile);
        foreach (var edit in delta.GitEdits.Where(e => e.Resolution == GitEditResolution.Kept))
        {
            _logger.LogWarning("Drift in {Path}: {Detail}", edit.Path, edit.Detail);
        }

        return delta;
    }

    /// <summary>CommitMirror: writes the delta as one mirror commit (none when nothing changed) and pushes it.</summary>
    public async Task<SyncOutcome> CommitMirrorAsync(CatalogDelta delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var outcome = await NewSync(delta.Branch).CommitAsync(delta, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(outcome.Delta, delta))
        {
            // Done again on top of a remote that moved (or a checkout that changed): the file says what was committed.
            await AtomicFile.WriteTextAsync(DeltaFile, CatalogDeltaJson.Write(outcome.Delta), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{Summary}", CatalogDeltaSummary.Render(outcome.Delta).TrimEnd());
        }

        _logger.LogInformation(
            "Git branch {Branch} mirrors catalog commit {Hash}: {Commit}, {Push}",
            outcome.Delta.Branch,
            HashText.Short(outcome.Delta.ToHash),
            outcome.Commit is null ? "no new commit" : $"commit {HashText.Short(outcome.Commit)}",
            outcome.Push switch
            {
                PushState.Pushed => $"pushed to {_options.Remote}",
                PushState.UpToDate => $"{_options.Remote} is up to date",
                _ => "no remote to push to",
            });
        return outcome;
    }

    /// <summary>Sync: FetchCatalogDelta then CommitMirror.</summary>
    public async Task<SyncOutcome> SyncAsync(string branch, CancellationToken cancellationToken = default)
    {
        var delta = await FetchCatalogDeltaAsync(branch, cancellationToken).ConfigureAwait(false);
        return await CommitMirrorAsync(delta, cancellationToken).ConfigureAwait(false);
    }

    private MirrorSync NewSync(string branch, ICatalog? catalog = null) =>
        new(
            catalog ?? _options.Catalog,
            Repository,
            Mirror,
            new SyncSettings(branch) { FromRef = _options.FromRef, Remote = _options.Remote, OnGitEdit = _options.OnGitEdit },
            _loggers.CreateLogger<MirrorSync>(),
            _timeProvider);
}
