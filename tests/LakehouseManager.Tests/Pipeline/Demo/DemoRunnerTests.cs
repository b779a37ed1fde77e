using LakehouseManager.Demo;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Pipeline.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Demo;

public sealed class DemoRunnerTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_demo_runs_the_whole_loop_and_runs_again_from_scratch()
    {
        // Arrange
        using var sandbox = new GitSandbox();
        var workspace = new DemoWorkspace(sandbox.Combine("demo"));
        var runner = new DemoRunner(workspace, git: sandbox.Options);

        // Act
        var first = await runner.RunAsync();
        var second = await runner.RunAsync();

        // Assert
        foreach (var result in new[] { first, second })
        {
            Assert.Equal(1, result.TestsFailedBeforeFix);
            Assert.Equal(15, result.TestsPassedAfterFix);
            Assert.Equal(MergeCatalogOutcome.Merged, result.Merge.Outcome);
            Assert.Equal(12, result.ViewsVerified);
        }

        var remote = new GitRepository(workspace.RemotePath, sandbox.Options);
        var bootstrap = (await sandbox.GitAsync(remote, "log", "--format=%H", "--grep=: 12 added", "main")).Trim();
        var changes = await sandbox.GitAsync(remote, "diff", "--no-renames", "--name-status", bootstrap, "main", "--", "views");
        Assert.Equal(
            "D\tviews/shop/marketing/legacy_segments.sql\nM\tviews/shop/sales/daily_revenue.sql\nA\tviews/shop/sales/revenue_by_country.sql\n",
            changes);
        Assert.True(File.Exists(Path.Combine(workspace.ArtifactsPath, "test-results", "data-tests.xml")));
        Assert.True(Directory.EnumerateFiles(Path.Combine(workspace.ArtifactsPath, "pull-requests", "dev..main")).Any());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_successful_demo_logs_its_intended_test_failure_as_expected_and_no_warning()
    {
        // Arrange
        using var sandbox = new GitSandbox();
        var loggers = new RecordingLoggers();
        var runner = new DemoRunner(new DemoWorkspace(sandbox.Combine("demo")), loggers, sandbox.Options);

        // Act
        await runner.RunAsync();

        // Assert
        var entries = loggers.Logger.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        var failure = Assert.Single(entries, e => e.Message.Contains($"FAIL {DemoDataTests.YamlFailingTest} ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, failure.Level);
        Assert.EndsWith(
            "(expected: the altered view counts cancelled and refunded orders; the engineer fixes it next)",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Message.Contains($"WARN {DemoDataTests.YamlWarningTest} ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_the_demo_does_not_expect_is_still_a_warning()
    {
        // Arrange
        var recording = new RecordingLoggers();
        var loggers = new DemoLoggers(recording);
        var logger = loggers.CreateLogger("Demo");

        // Act
        using (loggers.Expect(["FAIL expected_test "], "on purpose"))
        {
            logger.LogWarning("1/2 FAIL expected_test (1ms): 3 rows");
            logger.LogWarning("2/2 FAIL other_test (1ms): 1 row");
        }

        logger.LogWarning("1/1 FAIL expected_test (1ms): again, after the story");

        // Assert
        Assert.Equal(
            [
                (LogLevel.Information, "1/2 FAIL expected_test (1ms): 3 rows (expected: on purpose)"),
                (LogLevel.Warning, "2/2 FAIL other_test (1ms): 1 row"),
                (LogLevel.Warning, "1/1 FAIL expected_test (1ms): again, after the story"),
            ],
            recording.Logger.Entries);
    }

    [Fact]
    public void The_demos_closing_words_suggest_commands_that_write_to_the_demos_own_artifacts_folder()
    {
        // Arrange
        var workspace = new DemoWorkspace(Path.Combine(Environment.CurrentDirectory, ".lakehouse", "demo"));
        var pullRequest = new PullRequest("mirror", "dev..main", "dev", PullRequestStatus.Closed, "dev", "main", null, null);
        var merge = new MergeCatalogResult(
            MergeCatalogOutcome.Merged, pullRequest, new GitWatermark(new string('a', 40), "dev", new string('b', 64)),
            new string('b', 64), new string('b', 64), new string('c', 64), new string('d', 64), [], 1);
        var result = new DemoResult(workspace, 1, 15, merge, 12);

        // Act
        var text = DemoSummary.Render(result, "* 14e35ef (HEAD -> main) Merge pull request dev into main\n* 24e338b Start\n");

        // Assert
        ExpectedFiles.AssertMatches(text, "demo-summary.txt");
    }

    [Fact]
    public void The_demo_refuses_to_reset_a_folder_that_is_not_its_own()
    {
        // Arrange
        using var temp = new Support.TempDirectory();
        var workspace = new DemoWorkspace(temp.Combine("not-the-demo"));

        // Act
        var error = Assert.Throws<LakehouseException>(workspace.Reset);

        // Assert
        Assert.Contains("must be a folder named 'demo'", error.Message, StringComparison.Ordinal);
    }
}
