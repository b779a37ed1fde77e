using System.Xml.Linq;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Reports;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class ReportTests
{
    private const string Hint = "artifacts/test-results/data-tests.md";

    [Fact(Timeout = 60_000)]
    public async Task The_markdown_report_matches_the_expected_file()
    {
        var run = await ReportFixture.RunAsync();

        var markdown = MarkdownReport.Render(run, new MarkdownReportOptions { FullReportHint = Hint });

        TestFiles.AssertMatchesExpected(markdown, "report.md");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_markdown_report_over_the_limit_cuts_details_then_rows_and_says_where_the_full_report_is()
    {
        // Arrange
        var run = await ReportFixture.RunAsync();
        var options = new MarkdownReportOptions { MaxLength = 1_500, FullReportHint = Hint };

        // Act
        var markdown = MarkdownReport.Render(run, options);

        // Assert
        Assert.True(markdown.Length <= 1_500, $"{markdown.Length} characters");
        TestFiles.AssertMatchesExpected(markdown, "report-cut.md");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_huge_run_still_fits_a_codecommit_comment()
    {
        // Arrange: 300 failing tests with long messages and full samples.
        var sample = await ReportFixture.RunAsync();
        var failing = sample.Results[0];
        var results = Enumerable.Range(1, 300)
            .Select(i => failing with { Test = failing.Test with { Name = $"check_{i:000}" }, Message = new string('x', 300) })
            .ToList();
        var run = sample with { Results = results };

        // Act
        var markdown = MarkdownReport.Render(run, new MarkdownReportOptions { FullReportHint = Hint });

        // Assert
        Assert.InRange(markdown.Length, 9_000, MarkdownReportOptions.CodeCommitCommentLimit);
        Assert.DoesNotContain("<details>", markdown, StringComparison.Ordinal);
        Assert.Contains("left out the details of 300 tests and ", markdown, StringComparison.Ordinal);
        Assert.EndsWith($"Full report: `{Hint}`.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("`check_001`", markdown, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_passing_run_has_a_short_green_report()
    {
        var sample = await ReportFixture.RunAsync();
        var run = sample with { Results = [.. sample.Results.Where(r => r.Status is DataTestStatus.Passed or DataTestStatus.Skipped)] };

        var markdown = MarkdownReport.Render(run);

        TestFiles.AssertMatchesExpected(markdown, "report-passed.md");
    }

    [Fact(Timeout = 60_000)]
    public async Task The_junit_report_matches_the_expected_file_and_is_valid_xml()
    {
        // Arrange
        var run = await ReportFixture.RunAsync();

        // Act
        var xml = JUnitReport.Render(run);

        // Assert
        TestFiles.AssertMatchesExpected(xml, "data-tests.xml");
        var suite = XDocument.Parse(xml).Root!.Element("testsuite")!;
        Assert.Equal(("7", "2", "1", "1"),
            ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!,
             (string)suite.Attribute("skipped")!));
        Assert.Equal(2, suite.Elements("testcase").Count(c => c.Element("failure") is not null));
        Assert.Equal(2, ((string)suite.Element("system-out")!).Split('\n').Count(l => l.StartsWith("WARNING ", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_junit_report_validates_against_the_Apache_Ant_JUnit_schema_with_every_kind_of_result()
    {
        // Arrange: failures, errors, warnings, skips, and text XML cannot hold as it is.
        var run = await ReportFixture.RunAsync();

        // Act
        var problems = JUnitSchema.Validate(JUnitReport.Render(run));

        // Assert
        Assert.Empty(problems);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_schema_check_rejects_the_shape_the_report_had_before_so_it_can_fail()
    {
        // Arrange: counts on testsuites and output inside a testcase, as the report wrote them before.
        var xml = JUnitReport.Render(await ReportFixture.RunAsync())
            .Replace("<testsuites>", "<testsuites tests=\"7\">", StringComparison.Ordinal);

        // Act
        var problems = JUnitSchema.Validate(xml);

        // Assert
        Assert.Contains(problems, p => p.Contains("'tests' attribute is not declared", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_console_report_matches_the_expected_file()
    {
        var run = await ReportFixture.RunAsync();

        var text = ConsoleReport.Render(run);

        TestFiles.AssertMatchesExpected(text, "console.txt");
    }

    [Fact(Timeout = 60_000)]
    public async Task Reports_never_show_more_than_the_sample_rows()
    {
        // Arrange: a failure with a full sample of ten rows.
        var sample = await ReportFixture.RunAsync();
        var rows = Enumerable.Range(1, 10).Select(i => (IReadOnlyList<object?>)[(long)i, $"r{i}", 0m]).ToList();
        var failing = sample.Results[0] with { Rows = new RowSample(["id", "note", "amount"], rows, "Showing the first 10 of 500 rows.") };
        var run = sample with { Results = [failing] };

        // Act
        var markdown = MarkdownReport.Render(run, new MarkdownReportOptions { MaxFailingRows = 3 });

        // Assert
        Assert.Contains("| 3 | r3 | 0 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| 4 | r4 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Showing 3 of the rows. Showing the first 10 of 500 rows.", markdown, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_run_where_nothing_ran_says_so_in_every_report()
    {
        var sample = await ReportFixture.RunAsync();
        var run = sample with { Results = [.. sample.Results.Where(r => r.Status == DataTestStatus.Skipped)] };

        var markdown = MarkdownReport.Render(run);
        var console = ConsoleReport.Render(run);

        Assert.StartsWith("### ⏭️ No data tests ran on `dev`\n\n**⏭️ 1 skipped** in 5.6s", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\nNo test ran.\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\nNo data tests ran: 1 skipped in 5.6s\n", console, StringComparison.Ordinal);
        Assert.False(run.IsFailed);
    }

    [Fact]
    public void The_markdown_limit_has_a_floor_so_the_summary_always_fits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownReportOptions { MaxLength = 999 });
    }
}
