using LakehouseManager.DataTests;
using LakehouseManager.IO;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.PullRequests;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>The review side: verifying a mirror, running the data tests, merging the catalog after the pull request.</summary>
public sealed partial class LakehousePipeline
{
    /// <summary>The file VerifyMirror writes.</summary>
    public string VerificationFile => Path.Combine(Settings.ArtifactsDirectory, "mirror-verification.json");

    /// <summary>VerifyMirror: compares the whole catalog branch with its mirror; the caller fails when they disagree.</summary>
    private async Task<MirrorVerification> VerifyMirrorCoreAsync(string branch, CancellationToken cancellationToken = default)
    {
        var verifier = new VerifyMirror(
            await _lakehouse.GetViewsAsync(cancellationToken).ConfigureAwait(false),
            _lakehouse.Repository, _lakehouse.Mirror.MirrorPath, Settings.Remote, _lakehouse.Loggers.CreateLogger<VerifyMirror>());
        var verification = await verifier.RunAsync(branch, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteTextAsync(VerificationFile, MirrorVerificationJson.Write(verification), _lakehouse.Redactor, cancellationToken)
            .ConfigureAwait(false);
        if (!verification.Agrees)
        {
            // VerifyMirror says whether they agree; the details of the drift are said here.
            _logger.LogError("{Verification}", MirrorVerificationReport.ToText(verification).TrimEnd());
        }

        _logger.LogInformation("Verification written to {File}", VerificationFile);

        return verification;
    }

    /// <summary>
    /// MergeCatalog: merges the catalog branch of a merged pull request into its target, at the reviewed state;
    /// conflicts are reported on the pull request and returned (the caller fails then).
    /// </summary>
    private async Task<MergeCatalogResult> MergeCatalogCoreAsync(PullRequestSelector selector, CancellationToken cancellationToken = default)
    {
        var merge = new MergeCatalog(
            await _lakehouse.GetCatalogAsync(cancellationToken).ConfigureAwait(false),
            _lakehouse.PullRequestHost,
            _lakehouse.Repository,
            _lakehouse.Loggers.CreateLogger<MergeCatalog>(),
            new MergeCatalogOptions { Remote = Settings.Remote });
        var result = await merge.RunAsync(selector, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            // MergeCatalog says what it did; the conflicts are listed here.
            _logger.LogError("{Merge}", MergeCatalogReport.ToText(result).TrimEnd());
        }

        return result;
    }

    /// <summary>
    /// RunDataTests: runs the tests file of the pull request's source branch against the catalog state the mirror
    /// recorded for it, writes the reports and posts the markdown on the pull request.
    /// </summary>
    private async Task<RunDataTestsResult> RunDataTestsCoreAsync(
        PullRequestSelector selector,
        string testsPath,
        IReadOnlyList<string> selection,
        DataTestRunnerOptions runnerOptions,
        string? inReplyToCommentId = null,
        string? selectionSource = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var useCase = new RunDataTests(_lakehouse.Loggers.CreateLogger<RunDataTests>(), _lakehouse.TimeProvider);
        var host = _lakehouse.PullRequestHost;

        // The reports of an earlier run go first, before anything here can stop this one.
        DataTestReportFiles.In(Settings.ArtifactsDirectory).Delete();
        var pullRequest = await host.GetPullRequestAsync(selector, cancellationToken).ConfigureAwait(false);
        return await useCase.RunAsync(
            new RunDataTestsSettings
            {
                Repository = _lakehouse.Repository,
                Remote = Settings.Remote,
                TestsPath = testsPath,
                Branch = pullRequest.SourceBranch,
                Engine = await _lakehouse.GetQueryEngineAsync(cancellationToken).ConfigureAwait(false),
                Selection = selection,
                SelectionSource = selectionSource,
                RunnerOptions = runnerOptions,
                ArtifactsDirectory = Settings.ArtifactsDirectory,
                Redactor = _lakehouse.Redactor,
                PullRequestHost = host,
                PullRequest = pullRequest,
                InReplyToCommentId = inReplyToCommentId,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
