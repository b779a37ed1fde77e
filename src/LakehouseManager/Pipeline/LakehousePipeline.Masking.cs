using LakehouseManager.DataTests;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.PullRequests;

namespace LakehouseManager.Pipeline;

/// <summary>
/// The use cases as the targets call them. An error whose text would reveal a secret of the run (a message quoting a
/// URL with a token in it) is raised again with the secret masked, so it reaches no log and no summary.
/// </summary>
public sealed partial class LakehousePipeline
{
    /// <inheritdoc cref="FetchCatalogDeltaCoreAsync"/>
    public Task<CatalogDelta> FetchCatalogDeltaAsync(string branch, CancellationToken cancellationToken = default) =>
        MaskedAsync(() => FetchCatalogDeltaCoreAsync(branch, cancellationToken));

    /// <inheritdoc cref="CommitMirrorCoreAsync"/>
    public Task<SyncOutcome> CommitMirrorAsync(string branch, CancellationToken cancellationToken = default) =>
        MaskedAsync(() => CommitMirrorCoreAsync(branch, cancellationToken));

    /// <inheritdoc cref="SyncCoreAsync"/>
    public Task<SyncOutcome> SyncAsync(string branch, CancellationToken cancellationToken = default) =>
        MaskedAsync(() => SyncCoreAsync(branch, cancellationToken));

    /// <inheritdoc cref="VerifyMirrorCoreAsync"/>
    public Task<MirrorVerification> VerifyMirrorAsync(string branch, CancellationToken cancellationToken = default) =>
        MaskedAsync(() => VerifyMirrorCoreAsync(branch, cancellationToken));

    /// <inheritdoc cref="MergeCatalogCoreAsync"/>
    public Task<MergeCatalogResult> MergeCatalogAsync(PullRequestSelector selector, CancellationToken cancellationToken = default) =>
        MaskedAsync(() => MergeCatalogCoreAsync(selector, cancellationToken));

    /// <inheritdoc cref="RunDataTestsCoreAsync"/>
    public Task<RunDataTestsResult> RunDataTestsAsync(
        PullRequestSelector selector,
        string testsPath,
        IReadOnlyList<string> selection,
        DataTestRunnerOptions runnerOptions,
        string? inReplyToCommentId = null,
        string? selectionSource = null,
        CancellationToken cancellationToken = default) =>
        MaskedAsync(() => RunDataTestsCoreAsync(
            selector, testsPath, selection, runnerOptions, inReplyToCommentId, selectionSource, cancellationToken));

    private async Task<T> MaskedAsync<T>(Func<Task<T>> useCase)
    {
        try
        {
            return await useCase().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && _lakehouse.Redactor.Reveals(exception.ToString()))
        {
            // The original is dropped: its inner exceptions and stack may quote the secret too.
            throw new LakehouseException(_lakehouse.Redactor.Redact(exception.Message));
        }
    }
}
