using LakehouseManager.Composition;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Demo;
using LakehouseManager.Dremio;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Testing;

/// <summary>
/// A run that stops before any test is judged leaves no report that looks like a result, and answers the pull request
/// (design §6: a command is never met with silence).
/// </summary>
public sealed class RunDataTestsProblemTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_run_that_stops_early_leaves_no_report_of_an_earlier_run()
    {
        // Arrange: a first run writes both reports.
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var first = await fixture.UseCase().RunAsync(fixture.Settings(repository, DemoDataTests.YamlPath));
        Assert.True(File.Exists(first.Reports.MarkdownPath) && File.Exists(first.Reports.JUnitPath));

        // Act: the next run names a tests file the branch does not have.
        await Assert.ThrowsAsync<LakehouseException>(
            () => fixture.UseCase().RunAsync(fixture.Settings(repository, "tests/data_tests.yaml")));

        // Assert
        Assert.False(File.Exists(first.Reports.MarkdownPath));
        Assert.False(File.Exists(first.Reports.JUnitPath));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_malformed_tests_file_is_answered_with_the_errors_and_how_to_fix_them_then_rethrown()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync(
            "dev", ("tests.yaml", "tests:\n  - name: orders\n    sql: SELECT 1\n    expcet: { no_rows: true }\n"));
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, "tests.yaml") with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
            InReplyToCommentId = "c-42",
        };

        var error = await Assert.ThrowsAsync<DataTestFileException>(() => fixture.UseCase().RunAsync(settings));

        var reply = Assert.Single(host.Comments);
        Assert.Equal("c-42", reply.InReplyTo);
        Assert.Contains(error.Message, reply.Body, StringComparison.Ordinal);
        ExpectedFiles.AssertMatches(reply.Body, "run-data-tests-malformed.md");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_tests_file_is_answered_with_a_comment_naming_the_file_and_the_branch()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, "tests/data_tests.yaml") with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
        };

        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.UseCase().RunAsync(settings));

        var comment = Assert.Single(host.Comments);
        Assert.Null(comment.InReplyTo);
        Assert.StartsWith("### 💥 Data tests did not run on `dev`\n", comment.Body, StringComparison.Ordinal);
        Assert.Contains(error.Message, comment.Body, StringComparison.Ordinal);
        Assert.Contains("commit the tests file to the branch `dev` and push it", comment.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_name_in_the_selection_is_answered_with_the_names_of_the_file()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.JsonPath, DemoDataTests.Json));
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, DemoDataTests.JsonPath) with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
            InReplyToCommentId = "c-7",
            Selection = ["daily_revenue_totl"],
        };

        await Assert.ThrowsAsync<LakehouseException>(() => fixture.UseCase().RunAsync(settings));

        var reply = Assert.Single(host.Comments);
        Assert.Equal("c-7", reply.InReplyTo);
        Assert.Contains("Unknown data test 'daily_revenue_totl'", reply.Body, StringComparison.Ordinal);
        Assert.Contains("daily_revenue_total", reply.Body, StringComparison.Ordinal);
        Assert.Contains("choose tests or tags the file has", reply.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_rejected_token_is_answered_as_a_problem_of_the_engine_without_the_token()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        await using var fake = await DremioFake.StartAsync();
        const string WrongPat = "wrong-pat-5d1f0c";
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            Catalog = CatalogKind.DremioCloud,
            ProjectId = fake.ProjectId,
            DremioPat = WrongPat,
            RepoName = "lake",
            HttpHandler = fake.CreateHandler(),
            DremioOptions = DremioTestKit.FastPolling,
            RepoPath = repository.Directory,
            ArtifactsDirectory = Path.Combine(repository.Directory, "artifacts"),
        });
        var engine = await lakehouse.GetQueryEngineAsync();
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, DemoDataTests.YamlPath) with
        {
            Engine = engine,
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
        };

        var error = await Assert.ThrowsAsync<DremioException>(() => fixture.UseCase().RunAsync(settings));

        var comment = Assert.Single(host.Comments);
        Assert.Contains("Dremio rejected the personal access token", comment.Body, StringComparison.Ordinal);
        Assert.Contains("the tests file is not at fault", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPat, comment.Body, StringComparison.Ordinal);
        Assert.True(error.IsFatal);
        Assert.False(File.Exists(Path.Combine(fixture.TestResultsDirectory, DataTestReportFiles.JUnitFileName)));
    }

    [Fact]
    public void A_long_error_is_cut_so_that_the_comment_fits_the_host_and_keeps_how_to_fix_it()
    {
        var error = new DataTestFileException(
            [.. Enumerable.Range(1, 300).Select(i => new DataTestFileError("tests.yaml", i, $"t{i}", i, "unknown field 'expcet'"))]);

        var comment = RunDataTestsProblem.Render("dev", RunDataTestsStage.Parsing, error, 1_000);

        Assert.InRange(comment.Length, 900, 1_000);
        Assert.StartsWith("### 💥 Data tests did not run on `dev`\n", comment, StringComparison.Ordinal);
        Assert.Contains("…\n```\n", comment, StringComparison.Ordinal);
        Assert.EndsWith("docs/data-tests.md describes the format.\n", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_exception_is_mentioned_without_its_type_and_its_text_stays_in_the_log()
    {
        var comment = RunDataTestsProblem.Render(
            "dev", RunDataTestsStage.Running, new InvalidOperationException("internal state at 0x7ffe"), 10_240);

        Assert.Contains("An unexpected error stopped the run; the build's log has the details.", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("0x7ffe", comment, StringComparison.Ordinal);
    }
}
