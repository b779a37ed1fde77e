using LakehouseManager.Catalog.Local;
using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Demo;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Demo;

public sealed class DemoDataTestsTests
{
    public static TheoryData<string> Files => new() { DemoDataTests.JsonPath, DemoDataTests.YamlPath };

    [Fact]
    public void The_demo_files_are_one_of_each_format_and_parse_without_warnings()
    {
        var json = Parse(DemoDataTests.JsonPath);
        var yaml = Parse(DemoDataTests.YamlPath);

        Assert.Equal(DataTestFormat.Json, json.Format);
        Assert.Equal(DataTestFormat.Yaml, yaml.Format);
        Assert.Empty(json.Warnings);
        Assert.Empty(yaml.Warnings);
        Assert.Contains(yaml.Tests, t => t.Severity == DataTestSeverity.Warn);
        Assert.Contains("nightly", yaml.AllTags);
        Assert.Contains(json.Tests, t => t.Sql.Contains(DataTest.BranchPlaceholder, StringComparison.Ordinal));
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Files))]
    public async Task Every_test_passes_on_main_before_the_change(string path)
    {
        using var temp = new TempDirectory();
        using var catalog = await DemoCatalog.CreateAsync(temp);

        var run = await RunAsync(catalog, path, "main");

        Assert.All(run.Results, r => Assert.True(r.Status == DataTestStatus.Passed, $"{r.Name}: {r.Message}"));
        Assert.False(run.IsFailed);
    }

    [Fact(Timeout = 60_000)]
    public async Task On_dev_with_the_bug_the_json_file_has_exactly_one_failure_and_the_run_fails()
    {
        using var temp = new TempDirectory();
        using var catalog = await DemoCatalog.CreateAsync(temp);

        var run = await RunAsync(catalog, DemoDataTests.JsonPath, "dev");

        Assert.True(run.IsFailed);
        var failure = Assert.Single(run.Results, r => r.IsProblem);
        Assert.Equal(DemoDataTests.JsonFailingTest, failure.Name);
        Assert.Equal(DataTestStatus.Failed, failure.Status);
        Assert.Equal("1080", failure.Observed);
        Assert.Equal(run.Total - 1, run.Passed);
    }

    [Fact(Timeout = 60_000)]
    public async Task On_dev_with_the_bug_the_yaml_file_has_one_failure_showing_the_wrong_days_and_one_warning()
    {
        using var temp = new TempDirectory();
        using var catalog = await DemoCatalog.CreateAsync(temp);

        var run = await RunAsync(catalog, DemoDataTests.YamlPath, "dev");

        Assert.True(run.IsFailed);
        var failure = Assert.Single(run.Results, r => r.FailsRun);
        Assert.Equal(DemoDataTests.YamlFailingTest, failure.Name);
        Assert.Equal(DataTestStatus.Failed, failure.Status);
        Assert.NotNull(failure.Rows);
        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04"], failure.Rows.Rows.Select(r => (string)r[0]!));
        var warning = Assert.Single(run.Results, r => r.IsWarning);
        Assert.Equal(DemoDataTests.YamlWarningTest, warning.Name);
        Assert.Equal(run.Total - 2, run.Passed);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Files))]
    public async Task After_the_fix_on_dev_every_test_passes(string path)
    {
        using var temp = new TempDirectory();
        using var catalog = await DemoCatalog.CreateAsync(temp);
        var before = await RunAsync(catalog, path, "dev");

        await DemoCatalog.FixAsync(catalog);
        var after = await RunAsync(catalog, path, "dev");

        Assert.True(before.IsFailed);
        Assert.All(after.Results, r => Assert.True(r.Status == DataTestStatus.Passed, $"{r.Name}: {r.Message}"));
        Assert.False(after.IsFailed);
    }

    private static DataTestSuite Parse(string path) =>
        DataTestFileParser.Parse(path == DemoDataTests.JsonPath ? DemoDataTests.Json : DemoDataTests.Yaml, path);

    private static Task<DataTestRun> RunAsync(LocalCatalog catalog, string path, string branch) =>
        new DataTestRunner(new LocalQueryEngine(catalog)).RunAsync(Parse(path), QueryVersion.AtHead(branch));
}
