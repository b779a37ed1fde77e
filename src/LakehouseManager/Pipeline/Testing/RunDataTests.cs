using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.DataTests.Reports;
using LakehouseManager.IO;
using LakehouseManager.Naming;
using LakehouseManager.PullRequests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>
/// <c>RunDataTests</c> (design §5): reads the tests file from the pull request's source branch, runs it against the
/// catalog branch of the same name, writes the full markdown and JUnit XML reports under
/// <c>artifacts/test-results/</c>, logs the console report, and posts the markdown (cut to the host's limit) on the
/// pull request when one is given.
/// </summary>
/// <remarks>
/// Outcomes of tests are data: the result says whether the run failed, and the caller fails the target then. Problems
/// that stop the run before any test is judged (a missing branch or file, a malformed tests file, an unknown test name
/// in the selection, a fatal engine error) are <see cref="LakehouseException"/>s: they are answered on the pull request
/// when one is given (what went wrong and how to fix it; a command is never met with silence, design §6), then thrown.
/// Both report files are deleted when a run starts, so a run that stops early leaves no earlier run's report behind
/// that a CI report group would read as this run's result.
/// </remarks>
public sealed class RunDataTests
{
    /// <summary>The smallest size <see cref="MarkdownReportOptions.MaxLength"/> accepts.</summary>
    private const int MinCommentLength = 1_000;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <param name="logger">Progress, parser warnings and the console report; null for none.</param>
    /// <param name="timeProvider">The runner's clock (durations, timeouts); null for the system clock.</param>
    public RunDataTests(ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <exception cref="LakehouseException">A missing branch or tests file, a malformed tests file
    /// (<see cref="DataTestFileException"/>), an unknown name in the selection, or a fatal engine error.</exception>
    public async Task<RunDataTestsResult> RunAsync(RunDataTestsSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (host, pullRequest) = RequirePullRequest(settings);
        var reports = DataTestReportFiles.In(settings.ArtifactsDirectory);
        reports.Delete();

        var stage = RunDataTestsStage.Selection;
        TestsFileSource file;
        QueryVersion version = QueryVersion.AtHead(settings.Branch);
        DataTestRun run;
        try
        {
            var selection = DataTestSelection.Parse(settings.Selection, settings.SelectionSource);
            stage = RunDataTestsStage.TestsFile;
            file = await TestsFileReader.ReadAsync(
                settings.Repository, settings.Remote, settings.Branch, settings.TestsPath, _logger, cancellationToken)
                .ConfigureAwait(false);
            version = await PinAsync(settings, file, cancellationToken).ConfigureAwait(false);
            stage = RunDataTestsStage.Parsing;
            var suite = DataTestFileParser.Parse(file.Text, file.Path);
            foreach (var warning in suite.Warnings)
            {
                _logger.LogWarning("{Warning}", warning.ToString());
            }

            // Checked here too (the runner checks it again) so that a typo in '!test nmae' fails before any query runs.
            stage = RunDataTestsStage.Selection;
            var selected = selection.Select(suite);
            _logger.LogInformation(
                "Running {Selected} of {Total} data tests ({Selection}) on catalog {Version} with {Engine}, {Parallelism} at a time",
                selected.Count(t => t.SkipReason is null), suite.Tests.Count, selection, version, settings.Engine.Description,
                settings.RunnerOptions.MaxParallelism);

            stage = RunDataTestsStage.Running;
            var runner = new DataTestRunner(settings.Engine, settings.RunnerOptions, _time);
            run = await runner.RunAsync(suite, version, selection, new DataTestProgressLog(_logger), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (host is not null && pullRequest is not null && e is not OperationCanceledException)
        {
            await AnswerProblemAsync(host, pullRequest, settings, stage, e, version, cancellationToken).ConfigureAwait(false);
            throw;
        }

        // Masked before any report cuts a message to fit, which could leave half a secret that no mask finds.
        run = run with
        {
            Results = [.. run.Results.Select(r => r with { Message = settings.Redactor.Redact(r.Message) })],
        };
        var markdown = MarkdownReport.Render(run, new MarkdownReportOptions { MaxLength = int.MaxValue });
        var junit = JUnitReport.Render(run);
        var console = ConsoleReport.Render(run);
        await AtomicFile.WriteTextAsync(reports.MarkdownPath, markdown, settings.Redactor, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteTextAsync(reports.JUnitPath, junit, settings.Redactor, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("{ConsoleReport}", console.TrimEnd('\n'));
        _logger.LogInformation("Wrote {MarkdownReport} and {JUnitReport}", reports.MarkdownPath, reports.JUnitPath);

        PullRequestComment? posted = null;
        if (host is not null && pullRequest is not null)
        {
            posted = await PostAsync(host, pullRequest, settings, run, reports, file, cancellationToken).ConfigureAwait(false);
        }

        return new RunDataTestsResult(run, file, reports, console, posted);
    }

    /// <summary>
    /// Posts what stopped the run (as the reply to the command when there is one). A failure to post is logged and
    /// swallowed: the caller must see the problem that stopped the run, not the one that hid it.
    /// </summary>
    private async Task AnswerProblemAsync(
        IPullRequestHost host,
        PullRequest pullRequest,
        RunDataTestsSettings settings,
        RunDataTestsStage stage,
        Exception problem,
        QueryVersion version,
        CancellationToken cancellationToken)
    {
        var comment = RunDataTestsProblem.Render(settings.Branch, stage, problem, host.MaxCommentLength);
        var token = IdempotencyToken.For(
            "data-tests-problem", pullRequest.Repository, pullRequest.Id, settings.InReplyToCommentId, pullRequest.SourceCommit,
            version.CommitHash, stage.ToString(), string.Join(" ", settings.Selection));
        try
        {
            _ = settings.InReplyToCommentId is { } commentId
                ? await host.ReplyAsync(pullRequest, commentId, comment, token, cancellationToken).ConfigureAwait(false)
                : await host.PostCommentAsync(pullRequest, comment, token, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Posted on {PullRequest} why the data tests did not run", pullRequest);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not post on {PullRequest} why the data tests did not run", pullRequest);
        }
    }

    private async Task<PullRequestComment> PostAsync(
        IPullRequestHost host,
        PullRequest pullRequest,
        RunDataTestsSettings settings,
        DataTestRun run,
        DataTestReportFiles reports,
        TestsFileSource file,
        CancellationToken cancellationToken)
    {
        if (host.MaxCommentLength < MinCommentLength)
        {
            throw new LakehouseException(
                $"{host.Description} allows {host.MaxCommentLength} characters per comment; a data-test report needs at " +
                $"least {MinCommentLength}.");
        }

        var comment = MarkdownReport.Render(run, new MarkdownReportOptions
        {
            MaxLength = host.MaxCommentLength,
            FullReportHint = settings.FullReportHint ?? DisplayPath(reports.MarkdownPath),
        });
        // One report per command, or per state of the tests file and the catalog when no command asked for it.
        var token = IdempotencyToken.For(
            "data-tests", pullRequest.Repository, pullRequest.Id, settings.InReplyToCommentId, file.Commit, run.CatalogCommit,
            string.Join(" ", settings.Selection));
        if (settings.InReplyToCommentId is { } commentId)
        {
            var reply = await host.ReplyAsync(pullRequest, commentId, comment, token, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation(
                "Replied with the report to comment {CommentId} on {PullRequest} ({Length} characters)", commentId, pullRequest, comment.Length);
            return reply;
        }

        var posted = await host.PostCommentAsync(pullRequest, comment, token, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Posted the report on {PullRequest} ({Length} characters)", pullRequest, comment.Length);
        return posted;
    }

    /// <summary>
    /// The catalog state the tests run at: the commit the mirror recorded on the tests file's git branch (what the
    /// reviewer saw), else the branch's head when the branch was never synced.
    /// </summary>
    private async Task<QueryVersion> PinAsync(RunDataTestsSettings settings, TestsFileSource file, CancellationToken cancellationToken)
    {
        if (!settings.PinToReviewedCommit)
        {
            return QueryVersion.AtHead(settings.Branch);
        }

        var watermark = await settings.Repository.History.FindWatermarkAsync(file.Commit, settings.Branch, cancellationToken)
            .ConfigureAwait(false);
        if (watermark is null)
        {
            _logger.LogWarning(
                "Git branch {Branch} at {Commit} has no mirror commit of catalog branch {Branch}: the tests run at the head of the catalog branch",
                settings.Branch, HashText.Short(file.Commit), settings.Branch);
            return QueryVersion.AtHead(settings.Branch);
        }

        _logger.LogInformation(
            "The mirror commit {GitCommit} records catalog branch {Branch} at {Hash}: the tests run at that commit, the state the reviewer saw",
            HashText.Short(watermark.GitCommit), settings.Branch, HashText.Short(watermark.CatalogHash));
        return new QueryVersion(settings.Branch, watermark.CatalogHash);
    }

    private static (IPullRequestHost? Host, PullRequest? PullRequest) RequirePullRequest(RunDataTestsSettings settings)
    {
        if ((settings.PullRequestHost is null) != (settings.PullRequest is null))
        {
            throw new ArgumentException(
                "A pull-request host and a pull request go together: give both to post the report, or neither.",
                nameof(settings));
        }

        if (settings.InReplyToCommentId is not null && settings.PullRequest is null)
        {
            throw new ArgumentException("A reply needs a pull request and its host.", nameof(settings));
        }

        return (settings.PullRequestHost, settings.PullRequest);
    }

    /// <summary>The report's path as a reader of the comment can find it: relative to the build's folder when inside it.</summary>
    private static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative)
            ? fullPath
            : relative;
        return shown.Replace('\\', '/');
    }
}
