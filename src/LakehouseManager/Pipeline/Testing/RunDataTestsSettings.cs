using LakehouseManager.DataTests;
using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;
using LakehouseManager.Security;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>What <see cref="RunDataTests"/> needs: where the tests file is, which branch, which engine, where the
/// reports go, and optionally the pull request to comment on.</summary>
public sealed record RunDataTestsSettings
{
    /// <summary>The mirror repository. The tests file is read from its git objects, never from the working tree.</summary>
    public required GitRepository Repository { get; init; }

    /// <summary>
    /// The remote to fetch the branch from (default <c>origin</c>). When the repository has no such remote, or the
    /// remote has no such branch, the local branch is read; null never fetches.
    /// </summary>
    public string? Remote { get; init; } = "origin";

    /// <summary>The tests file's path from the repository root (<c>--tests-path</c>), e.g. <c>tests/data-tests.yaml</c>.</summary>
    public required string TestsPath { get; init; }

    /// <summary>The pull request's source branch (<c>--to-ref</c>): the git branch the tests file is read from and the
    /// catalog branch the tests run against (they have the same name).</summary>
    public required string Branch { get; init; }

    /// <summary>The engine the queries run on (see <see cref="Composition.Lakehouse.GetQueryEngineAsync"/>); not disposed by the use case.</summary>
    public required IQueryEngine Engine { get; init; }

    /// <summary>
    /// Whether the queries run at the catalog commit the mirror recorded on the branch (the reviewed state; the
    /// default), rather than at the catalog branch's moving head.
    /// </summary>
    public bool PinToReviewedCommit { get; init; } = true;

    /// <summary>Test names and <c>tag:x</c> terms (<c>!test</c> arguments); empty runs every test.</summary>
    public IReadOnlyList<string> Selection { get; init; } = [];

    /// <summary>Where <see cref="Selection"/> was given (<c>--tests</c>), named in errors about it; null for nowhere.</summary>
    public string? SelectionSource { get; init; }

    /// <summary>Parallelism (default 4) and the default timeout of a test.</summary>
    public DataTestRunnerOptions RunnerOptions { get; init; } = new();

    /// <summary>The artifacts folder; the reports go to <c>test-results/</c> under it (<see cref="DataTestReportFiles"/>).</summary>
    public required string ArtifactsDirectory { get; init; }

    /// <summary>Masks the run's secrets in the reports (the pull-request host masks them in its comments).</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>Where the comment goes; null posts nothing. Requires <see cref="PullRequest"/>.</summary>
    public IPullRequestHost? PullRequestHost { get; init; }

    /// <summary>The pull request to comment on (as read from <see cref="PullRequestHost"/>).</summary>
    public PullRequest? PullRequest { get; init; }

    /// <summary>
    /// The <c>!test</c> comment this run answers: the report is posted as a reply to it, which records that the command
    /// was handled (design §6). Null posts a new comment.
    /// </summary>
    public string? InReplyToCommentId { get; init; }

    /// <summary>
    /// How the posted comment names the full report when it had to be cut, e.g. a CodeBuild report URL. Null: the
    /// markdown file's path, relative to the current directory when it lies under it.
    /// </summary>
    public string? FullReportHint { get; init; }
}
