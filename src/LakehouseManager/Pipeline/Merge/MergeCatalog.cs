using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.PullRequests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline.Merge;

/// <summary>
/// Merges the catalog branch of a pull request into its target once the pull request is merged in git (design §6).
/// It merges what was reviewed: the catalog hash the mirror recorded on the git source branch, not whatever the
/// catalog branch holds now. A dry run comes first; conflicts are reported (log and pull-request comment) and nothing
/// is merged. The real merge carries the target's expected hash, and when the target moves in between, the target is
/// re-read and the round retried, a bounded number of times, never overwriting. Already merged is a success, so the
/// target is safe to run twice.
/// </summary>
public sealed partial class MergeCatalog
{
    private readonly ICatalog _catalog;
    private readonly IPullRequestHost _host;
    private readonly GitRepository _mirror;
    private readonly ILogger _logger;
    private readonly MergeCatalogOptions _options;

    /// <param name="catalog">The versioned catalog.</param>
    /// <param name="host">The pull-request host: the pull request's state, and where outcomes are commented.</param>
    /// <param name="mirror">The mirror repository, where the watermark of the source branch is read.</param>
    /// <param name="logger">Progress and outcome; null for none.</param>
    /// <param name="options">Retries, remote, comments; null for the defaults.</param>
    public MergeCatalog(
        ICatalog catalog,
        IPullRequestHost host,
        GitRepository mirror,
        ILogger<MergeCatalog>? logger = null,
        MergeCatalogOptions? options = null)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _mirror = mirror ?? throw new ArgumentNullException(nameof(mirror));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _options = options ?? MergeCatalogOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
    }

    /// <summary>Reads the pull request, then merges as <see cref="RunAsync(PullRequest, CancellationToken)"/>.</summary>
    public async Task<MergeCatalogResult> RunAsync(
        PullRequestSelector selector, CancellationToken cancellationToken = default)
    {
        var pullRequest = await _host.GetPullRequestAsync(selector, cancellationToken).ConfigureAwait(false);
        return await RunAsync(pullRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Merges the reviewed catalog state of a merged pull request. Raises <see cref="LakehouseException"/> when the
    /// pull request is not merged, its branch was never synced, or the catalog rejects the merge; returns
    /// <see cref="MergeCatalogOutcome.Conflicts"/> (not a success) when the catalog branches conflict.
    /// </summary>
    public async Task<MergeCatalogResult> RunAsync(PullRequest pullRequest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        RequireMerged(pullRequest);
        var watermark = await FindReviewedStateAsync(pullRequest, cancellationToken).ConfigureAwait(false);
        var fromHash = watermark.CatalogHash;
        var source = await ReadSourceAsync(pullRequest, watermark, cancellationToken).ConfigureAwait(false);
        var target = await _catalog.GetBranchAsync(pullRequest.TargetBranch, cancellationToken).ConfigureAwait(false);
        var message = MergeMessage(pullRequest, watermark);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The dry run says whether there is anything to merge at all: "already merged" comes from it.
                var dryRun = await _catalog.MergeAsync(Request(target.Hash, dryRun: true), cancellationToken).ConfigureAwait(false);
                if (dryRun is CatalogMergeResult.Merged)
                {
                    var merge = await _catalog.MergeAsync(Request(target.Hash, dryRun: false), cancellationToken)
                        .ConfigureAwait(false);
                    if (merge is CatalogMergeResult.Merged { WasApplied: true } merged)
                    {
                        return await ReportMergedAsync(
                            Result(MergeCatalogOutcome.Merged, target.Hash, merged.TargetHash, [], attempt), cancellationToken)
                            .ConfigureAwait(false);
                    }

                    dryRun = merge;
                }

                switch (dryRun)
                {
                    case CatalogMergeResult.NothingToMerge nothing:
                        LogAlreadyMerged(pullRequest.SourceBranch, HashText.Short(fromHash), target.Name, HashText.Short(nothing.TargetHash));
                        return Result(MergeCatalogOutcome.AlreadyMerged, target.Hash, nothing.TargetHash, [], attempt);
                    case CatalogMergeResult.Conflicts conflicts:
                        return await ReportConflictsAsync(
                            Result(MergeCatalogOutcome.Conflicts, target.Hash, target.Hash, conflicts.Items, attempt),
                            cancellationToken).ConfigureAwait(false);
                    case CatalogMergeResult.Rejected rejected:
                        throw new LakehouseException(
                            $"The {_catalog.Description} refused to merge catalog branch '{pullRequest.SourceBranch}' at " +
                            $"{HashText.Short(fromHash)} into '{target.Name}': {rejected.Reason}. Nothing was merged.");
                    default:
                        throw new LakehouseException(
                            $"The {_catalog.Description} said the merge of '{pullRequest.SourceBranch}' into '{target.Name}' " +
                            "could be done, then did not apply it: nothing was merged. Run MergeCatalog again.");
                }
            }
            catch (CatalogException exception) when (exception.Kind == CatalogErrorKind.Conflict)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new LakehouseException(
                        $"Catalog branch '{target.Name}' kept moving while {pullRequest.SourceBranch} was being merged " +
                        $"into it ({attempt} attempts): nothing was merged or overwritten. Run MergeCatalog again.",
                        isFatal: true,
                        exception);
                }

                LogTargetMoved(target.Name, HashText.Short(target.Hash), attempt + 1, _options.MaxAttempts);
                target = await _catalog.GetBranchAsync(target.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        CatalogMergeRequest Request(string expectedTargetHash, bool dryRun) =>
            new(pullRequest.SourceBranch, fromHash, pullRequest.TargetBranch, expectedTargetHash, dryRun, message, _options.Author);

        MergeCatalogResult Result(
            MergeCatalogOutcome outcome, string before, string after, IReadOnlyList<MergeConflict> conflicts, int attempts) =>
            new(outcome, pullRequest, watermark, fromHash, source?.Hash, before, after, conflicts, attempts);
    }

    /// <summary>"Merge pull request 42 (dev → main), reviewed at git commit abc123def456".</summary>
    public static string MergeMessage(PullRequest pullRequest, GitWatermark watermark)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(watermark);
        return $"Merge pull request {pullRequest.Id} ({pullRequest.SourceBranch} → {pullRequest.TargetBranch}), " +
            $"reviewed at git commit {HashText.Short(watermark.GitCommit)}";
    }

    private static void RequireMerged(PullRequest pullRequest)
    {
        if (pullRequest.IsMerged)
        {
            return;
        }

        var heads = $"source branch '{pullRequest.SourceBranch}' is at {HashText.Short(pullRequest.SourceCommit)} and target " +
            $"branch '{pullRequest.TargetBranch}' at {HashText.Short(pullRequest.TargetCommit)}";
        throw new LakehouseException(pullRequest.Status == PullRequestStatus.Closed
            ? $"{Capitalized(pullRequest)} was closed without being merged ({heads}): there is nothing to merge into " +
              "the catalog."
            : $"{Capitalized(pullRequest)} is not merged: {heads}. The pull request must be merged in git first; then " +
              $"MergeCatalog merges catalog branch '{pullRequest.SourceBranch}' into '{pullRequest.TargetBranch}'.");
    }

    private static string Capitalized(PullRequest pullRequest) => "P" + pullRequest.ToString()[1..];
}
