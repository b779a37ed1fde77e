using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Reports;
using LakehouseManager.Demo;
using LakehouseManager.Tests.Pipeline.Demo;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Testing;

public sealed class RunDataTestsReportTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_three_reports_are_written_and_match_the_run()
    {
        // Arrange
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var logger = new RecordingLogger();

        // Act
        var result = await fixture.UseCase(logger).RunAsync(fixture.Settings(repository, DemoDataTests.YamlPath));

        // Assert
        var markdown = await File.ReadAllTextAsync(result.Reports.MarkdownPath);
        var junit = await File.ReadAllTextAsync(result.Reports.JUnitPath);
        Assert.Equal(Path.Combine(fixture.TestResultsDirectory, "data-tests.md"), result.Reports.MarkdownPath);
        Assert.Equal(Path.Combine(fixture.TestResultsDirectory, "data-tests.xml"), result.Reports.JUnitPath);
        Assert.Equal(MarkdownReport.Render(result.Run, new MarkdownReportOptions { MaxLength = int.MaxValue }), markdown);
        Assert.Equal(JUnitReport.Render(result.Run), junit);
        Assert.Equal(ConsoleReport.Render(result.Run), result.ConsoleReport);
        Assert.Contains(result.ConsoleReport.TrimEnd('\n'), logger.Text, StringComparison.Ordinal);
        ExpectedFiles.AssertMatches(fixture.Portable(markdown), "run-data-tests.md");
        ExpectedFiles.AssertMatches(fixture.Portable(junit), "run-data-tests.xml");
        Assert.Empty(Tests.DataTests.JUnitSchema.Validate(junit));
        Assert.Equal(["data-tests.md", "data-tests.xml"], Directory.GetFiles(fixture.TestResultsDirectory).Select(Path.GetFileName).Order());
        Assert.True(result.IsFailed);
        Assert.Null(result.PostedComment);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_second_run_after_the_fix_replaces_the_reports()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.JsonPath, DemoDataTests.Json));
        var settings = fixture.Settings(repository, DemoDataTests.JsonPath);
        var first = await fixture.UseCase().RunAsync(settings);

        await DemoCatalog.FixAsync(fixture.Catalog);
        var second = await fixture.UseCase().RunAsync(settings);

        Assert.True(first.IsFailed);
        Assert.False(second.IsFailed);
        Assert.Equal(JUnitReport.Render(second.Run), await File.ReadAllTextAsync(second.Reports.JUnitPath));
        Assert.StartsWith("### ✅", await File.ReadAllTextAsync(second.Reports.MarkdownPath), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(fixture.TestResultsDirectory).Length);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_posted_comment_fits_the_hosts_limit_and_points_at_the_full_report()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var host = new RecordingPullRequestHost(maxCommentLength: 1_200);
        var settings = fixture.Settings(repository, DemoDataTests.YamlPath) with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
        };

        var result = await fixture.UseCase().RunAsync(settings);

        var comment = Assert.Single(host.Comments);
        Assert.Equal(comment, result.PostedComment);
        Assert.Null(comment.InReplyTo);
        Assert.InRange(comment.Body.Length, 1, 1_200);
        Assert.True((await File.ReadAllTextAsync(result.Reports.MarkdownPath)).Length > 1_200);
        Assert.Contains(result.Reports.MarkdownPath.Replace('\\', '/'), comment.Body, StringComparison.Ordinal);
        Assert.StartsWith("### ❌", comment.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_test_command_is_answered_with_a_reply_holding_the_whole_report_when_it_fits()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, DemoDataTests.YamlPath) with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
            InReplyToCommentId = "c-42",
            Selection = ["tag:finance"],
        };

        var logger = new RecordingLogger();

        var result = await fixture.UseCase(logger).RunAsync(settings);

        var reply = Assert.Single(host.Comments);
        Assert.Equal("c-42", reply.InReplyTo);
        Assert.Contains("Replied with the report to comment c-42 on ", logger.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted the report", logger.Text, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(result.Reports.MarkdownPath), reply.Body);
        Assert.Equal(["daily_revenue_total", "march_revenue", "refund_share"],
            result.Run.Results.Where(r => r.Status != DataTestStatus.Skipped).Select(r => r.Name));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_warn_test_is_a_warning_and_the_run_passes()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var settings = fixture.Settings(repository, DemoDataTests.YamlPath) with { Selection = [DemoDataTests.YamlWarningTest] };

        var result = await fixture.UseCase().RunAsync(settings);

        Assert.Equal(1, result.Run.Warnings);
        Assert.False(result.IsFailed);
        Assert.StartsWith("Data tests passed on 'dev': 0 failed, 0 errors, 1 warnings", result.Summary, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_test_in_the_selection_is_an_error_listing_the_tests_and_writes_no_report()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.JsonPath, DemoDataTests.Json));
        var settings = fixture.Settings(repository, DemoDataTests.JsonPath) with { Selection = ["daily_revenue_totl"] };

        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.UseCase().RunAsync(settings));

        Assert.Contains("Unknown data test 'daily_revenue_totl'", error.Message, StringComparison.Ordinal);
        Assert.Contains("daily_revenue_total", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.ArtifactsDirectory));
    }

    [Fact(Timeout = 30_000)]
    public async Task Progress_is_one_line_per_finished_test_counting_up_and_parser_warnings_are_logged()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var json = DemoDataTests.Json.Replace("\"expected\": 7", "\"expected\": 7, \"owner\": \"sales\"", StringComparison.Ordinal);
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.JsonPath, json));
        var logger = new RecordingLogger();

        var result = await fixture.UseCase(logger).RunAsync(fixture.Settings(repository, DemoDataTests.JsonPath));

        var progress = logger.Entries.Where(e => e.Message.Contains("/6 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"{i}/6 "), progress.Select(e => e.Message[..4]));
        Assert.Equal(result.Run.Results.Select(r => r.Name).Order(), progress.Select(e => e.Message.Split(' ')[2]).Order());
        var failed = Assert.Single(progress, e => e.Level == LogLevel.Warning);
        Assert.Contains($"FAIL {DemoDataTests.JsonFailingTest} (0ms): ", failed.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'owner'", StringComparison.Ordinal));
    }
}
