using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Composition;
using LakehouseManager.IO;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Sync;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>
/// The use cases behind the pipeline targets, each one call: what <c>./build.sh FetchCatalogDelta</c>, CommitMirror,
/// VerifyMirror, MergeCatalog and RunDataTests do. The targets bind parameters and call these; the demo calls the very
/// same methods on its own workspace. Adapters come from the composition root (<see cref="Lakehouse"/>).
/// </summary>
public sealed partial class LakehousePipeline
{
    private readonly Lakehouse _lakehouse;
    private readonly ILogger _logger;

    public LakehousePipeline(Lakehouse lakehouse)
    {
        _lakehouse = lakehouse ?? throw new ArgumentNullException(nameof(lakehouse));
        _logger = lakehouse.Loggers.CreateLogger("LakehouseManager");
    }

    public LakehouseSettings Settings => _lakehouse.Settings;

    /// <summary>The composition root the pipeline works with.</summary>
    public Lakehouse Lakehouse => _lakehouse;

    /// <summary>The file FetchCatalogDelta writes and CommitMirror reads.</summary>
    public string DeltaFile => Path.Combine(Settings.ArtifactsDirectory, "catalog-delta.json");

    /// <summary>FetchCatalogDelta: computes what a sync of the branch changes, writes it to the delta file, prints it.</summary>
    private async Task<CatalogDelta> FetchCatalogDeltaCoreAsync(string branch, CancellationToken cancellationToken = default)
    {
        var views = await _lakehouse.GetViewsAsync(cancellationToken).ConfigureAwait(false);
        var counting = new CountingCatalog(views.Catalog);
        var delta = await NewSync(branch, new(counting, views.Resolver)).FetchDeltaAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Catalog reads: {Reads}", counting);
        await WriteDeltaAsync(delta, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Delta written to {File}", DeltaFile);
        return delta;
    }

    /// <summary>
    /// CommitMirror: reads the delta file (which FetchCatalogDelta may have written in an earlier job), writes it as
    /// one mirror commit (none when nothing changed) and pushes it. A stale delta is refused.
    /// </summary>
    private async Task<SyncOutcome> CommitMirrorCoreAsync(string branch, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(DeltaFile))
        {
            throw new LakehouseException(
                $"CommitMirror commits the delta that FetchCatalogDelta writes, and there is none at '{DeltaFile}': run " +
                $"FetchCatalogDelta for '{branch}' first (in this job or an earlier one with the same --artifacts-path), or Sync.");
        }

        var delta = CatalogDeltaJsonReader.Read(await File.ReadAllTextAsync(DeltaFile, cancellationToken).ConfigureAwait(false), DeltaFile);
        _logger.LogInformation("Read the delta of catalog branch {Branch} at {Hash} from {File}", delta.Branch, HashText.Short(delta.ToHash), DeltaFile);
        var outcome = await NewSync(branch, await _lakehouse.GetViewsAsync(cancellationToken).ConfigureAwait(false))
            .CommitAsync(delta, cancellationToken).ConfigureAwait(false);
        return await ReportOutcomeAsync(delta, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sync: FetchCatalogDelta then CommitMirror, in one process and under one lock.</summary>
    private async Task<SyncOutcome> SyncCoreAsync(string branch, CancellationToken cancellationToken = default)
    {
        var views = await _lakehouse.GetViewsAsync(cancellationToken).ConfigureAwait(false);
        var counting = new CountingCatalog(views.Catalog);
        var sync = NewSync(branch, new(counting, views.Resolver));
        var outcome = await sync.SyncAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Catalog reads: {Reads}", counting);
        return await ReportOutcomeAsync(null, outcome with { CatalogReads = counting.Snapshot }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SyncOutcome> ReportOutcomeAsync(CatalogDelta? read, SyncOutcome outcome, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(outcome.Delta, read))
        {
            // Computed here, or again on top of a remote that moved: the file says what was committed.
            await WriteDeltaAsync(outcome.Delta, cancellationToken).ConfigureAwait(false);
        }

        _logger.LogInformation(
            "Git branch {Branch} mirrors catalog commit {Hash}: {Commit}, {Push}",
            outcome.Delta.Branch,
            HashText.Short(outcome.Delta.ToHash),
            outcome.Commit is null ? "no new commit" : $"commit {HashText.Short(outcome.Commit)}",
            outcome.Push switch
            {
                PushState.Pushed => $"pushed to {Settings.Remote}",
                PushState.UpToDate => $"{Settings.Remote} is up to date",
                _ => "no remote to push to",
            });
        return outcome;
    }

    private async Task WriteDeltaAsync(CatalogDelta delta, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteTextAsync(DeltaFile, CatalogDeltaJson.Write(delta, _lakehouse.Redactor), _lakehouse.Redactor, cancellationToken)
            .ConfigureAwait(false);
        _logger.LogInformation("{Summary}", CatalogDeltaSummary.Render(delta).TrimEnd());
        foreach (var edit in delta.GitEdits.Where(e => e.Resolution == GitEditResolution.Kept))
        {
            _logger.LogWarning("Drift in {Path}: {Detail}", edit.Path, edit.Detail);
        }
    }

    private SyncMirror NewSync(string branch, CatalogViews views) =>
        new(
            views,
            _lakehouse.Repository,
            _lakehouse.Mirror,
            new SyncSettings(branch)
            {
                FromRef = Settings.FromRef,
                Remote = Settings.Remote,
                OnGitEdit = Settings.OnGitEdit,
                AllowMassDelete = Settings.AllowMassDelete,
                AdoptExisting = Settings.AdoptExisting,
                MoveMirror = Settings.MoveMirror,
            },
            _lakehouse.Loggers.CreateLogger<SyncMirror>(),
            _lakehouse.TimeProvider);
}
