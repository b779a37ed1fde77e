using LakehouseManager.DataTests;
using LakehouseManager.IO;
using LakehouseManager.Pipeline.DataTests;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>The review side: verifying a mirror, running the data tests, merging the catalog after the pull request.</summary>
public sealed partial class LakehousePipeline
{
    private IPullRequestHost? _host;

    /// <summary>The pull-request host: the given one, else the Local host (reports under <c>artifacts/pull-requests/</c>).</summary>
    public IPullRequestHost PullRequestHost => _host ??= _options.PullRequestHost ?? new LocalPullRequestHost(
        Repository, Mirror.MirrorPath, Path.Combine(_options.ArtifactsDirectory, "pull-requests"), _options.Remote, _timeProvider);

    /// <summary>The file VerifyMirror writes.</summary>
    public string VerificationFile => Path.Combine(_options.ArtifactsDirectory, "mirror-verification.json");

    /// <summary>VerifyMirror: compares the whole catalog branch with its mirror; the caller fails when they disagree.</summary>
    public async Task<MirrorVerification> VerifyMirrorAsync(string branch, CancellationToken cancellationToken = default)
    {
        var verifier = new VerifyMirror(
            _options.Catalog, Repository, Mirror.MirrorPath, _options.Remote, _loggers.CreateLogger<VerifyMirror>());
        var verification = await verifier.RunAsync(branch, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteTextAsync(VerificationFile, MirrorVerificationJson.Write(verification), cancellationToken)
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
    /// MergeCatalog: merges catalog branch <paramref name="source"/> into <paramref name="target"/> once the pull
    /// request is merged in git; conflicts are reported on the pull request and returned (the caller fails then).
    /// </summary>
    public async Task<MergeCatalogResult> MergeCatalogAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        var merge = new MergeCatalog(
            _options.Catalog,
            PullRequestHost,
            Repository,
            _loggers.CreateLogger<MergeCatalog>(),
            new MergeCatalogOptions { Remote = _options.Remote });
        var result = await merge.RunAsync(new PullRequestSelector(null, source, target), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            // MergeCatalog says what it did; the conflicts are listed here.
            _logger.LogError("{Merge}", MergeCatalogReport.ToText(result).TrimEnd());
        }

        return result;
    }

    /// <summary>
    /// RunDataTests: runs the tests file of the pull request's source branch against the catalog branch, writes the
    /// reports and posts the markdown on the pull request (<paramref name="branch"/> into <c>--from-ref</c>).
    /// </summary>
    public async Task<RunDataTestsResult> RunDataTestsAsync(
        string branch,
        string testsPath,
        IQueryEngine engine,
        IReadOnlyList<string> selection,
        DataTestRunnerOptions runnerOptions,
        CancellationToken cancellationToken = default)
    {
        var host = PullRequestHost;
        var pullRequest = await host.GetPullRequestAsync(new PullRequestSelector(null, branch, _options.FromRef), cancellationToken)
            .ConfigureAwait(false);
        var useCase = new RunDataTestsUseCase(_loggers.CreateLogger<RunDataTestsUseCase>(), _timeProvider);
        return await useCase.RunAsync(
            new RunDataTestsSettings
            {
                Repository = Repository,
                Remote = _options.Remote,
                TestsPath = testsPath,
                Branch = branch,
                Engine = engine,
                Selection = selection,
                RunnerOptions = runnerOptions,
                ArtifactsDirectory = _options.ArtifactsDirectory,
                PullRequestHost = host,
                PullRequest = pullRequest,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
