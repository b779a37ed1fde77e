using LakehouseManager.DataTests.Parsing;
using LakehouseManager.Demo;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Testing;

public sealed class RunDataTestsReadingTests
{
    private const string OneTest =
        """{"tests":[{"name":"completed_orders","type":"scalar","query":"SELECT COUNT(*) AS n FROM shop.sales.orders_completed","column_name":"n","expected":7}]}""";

    [Fact(Timeout = 30_000)]
    public async Task The_tests_file_is_read_from_the_source_branch_not_from_the_working_tree()
    {
        // Arrange: dev holds the YAML file; main is checked out, with a broken file of the same name in the working tree.
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var devHead = await repository.History.RevParseAsync("refs/heads/dev");
        GitSandbox.WriteFile(repository, DemoDataTests.YamlPath, "tests: [ this is not what dev holds");

        // Act
        var result = await fixture.UseCase().RunAsync(fixture.Settings(repository, DemoDataTests.YamlPath));

        // Assert
        Assert.Equal("dev", result.TestsFile.Ref);
        Assert.Equal(devHead, result.TestsFile.Commit);
        Assert.Equal(DemoDataTests.Yaml, result.TestsFile.Text);
        Assert.Equal(9, result.Run.Total);
        Assert.Equal(DemoDataTests.YamlPath, result.Run.Source);
        Assert.Equal("main", await repository.WorkTree.GetCurrentBranchAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_remote_tracking_branch_newer_than_the_local_branch_wins()
    {
        // Arrange: the mirror's local dev has one test; someone pushed the full file to dev since.
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var (remote, mirror) = await fixture.Sandbox.CreateRemoteAndCloneAsync("mirror");
        var author = await fixture.Sandbox.CloneAsync(remote, "author");
        await RunDataTestsFixture.CommitOnBranchAsync(author, "dev", "main", (DemoDataTests.JsonPath, OneTest));
        Assert.True((await author.Remotes.PushAsync("origin", "dev")).IsPushed);
        await mirror.Remotes.FetchAsync("origin", "dev");
        await mirror.History.CreateBranchAsync("dev", "origin/dev");
        var newer = await RunDataTestsFixture.CommitOnBranchAsync(author, "dev", null, (DemoDataTests.JsonPath, DemoDataTests.Json));
        Assert.True((await author.Remotes.PushAsync("origin", "dev")).IsPushed);

        // Act
        var result = await fixture.UseCase().RunAsync(fixture.Settings(mirror, DemoDataTests.JsonPath));

        // Assert
        Assert.Equal("origin/dev", result.TestsFile.Ref);
        Assert.Equal(newer, result.TestsFile.Commit);
        Assert.Equal(6, result.Run.Total);
        Assert.NotEqual(newer, await mirror.History.RevParseAsync("refs/heads/dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_that_exists_only_locally_is_read_when_the_remote_lacks_it()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var (_, mirror) = await fixture.Sandbox.CreateRemoteAndCloneAsync("mirror");
        await RunDataTestsFixture.CommitOnBranchAsync(mirror, "dev", "main", (DemoDataTests.JsonPath, OneTest));

        var result = await fixture.UseCase().RunAsync(fixture.Settings(mirror, DemoDataTests.JsonPath));

        Assert.Equal("dev", result.TestsFile.Ref);
        Assert.Equal(1, result.Run.Total);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_tests_file_is_an_error_naming_the_path_the_branch_the_ref_and_the_flag()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync("dev", (DemoDataTests.YamlPath, DemoDataTests.Yaml));
        var devHead = await repository.History.RevParseAsync("refs/heads/dev");

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => fixture.UseCase().RunAsync(fixture.Settings(repository, "tests/data_tests.yaml")));

        Assert.Contains("'tests/data_tests.yaml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("branch 'dev'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"read dev at commit {devHead![..7]}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--tests-path", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Tests files there: {DemoDataTests.YamlPath}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.ArtifactsDirectory));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_branch_is_an_error_naming_the_branch_and_every_ref_tried()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var (_, mirror) = await fixture.Sandbox.CreateRemoteAndCloneAsync("mirror");

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => fixture.UseCase().RunAsync(fixture.Settings(mirror, DemoDataTests.YamlPath, "feature/q3")));

        Assert.Contains("Branch 'feature/q3' (--to-ref) was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("remote 'origin' has no branch 'feature/q3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("there is no local branch 'feature/q3'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.ArtifactsDirectory));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_malformed_tests_file_is_the_parsers_error_writes_no_report_and_is_answered_on_the_pull_request()
    {
        using var fixture = await RunDataTestsFixture.CreateAsync();
        var repository = await fixture.CreateRepositoryAsync(
            "dev", ("tests.yaml", "tests:\n  - name: orders\n    sql: SELECT 1\n    expcet: { no_rows: true }\n"));
        var host = new RecordingPullRequestHost();
        var settings = fixture.Settings(repository, "tests.yaml") with
        {
            PullRequestHost = host,
            PullRequest = RecordingPullRequestHost.PullRequest,
        };

        var error = await Assert.ThrowsAsync<DataTestFileException>(() => fixture.UseCase().RunAsync(settings));

        Assert.StartsWith("tests.yaml has 2 errors:", error.Message, StringComparison.Ordinal);
        Assert.Contains("tests.yaml:4: test 'orders': unknown field 'expcet'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.ArtifactsDirectory));
        Assert.Contains(error.Message, Assert.Single(host.Comments).Body, StringComparison.Ordinal);
    }

    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "mirror");

    [Theory]
    [InlineData("./tests//data-tests.yaml", "tests/data-tests.yaml")]
    [InlineData("tests\\data-tests.yaml", "tests/data-tests.yaml")]
    [InlineData(" data-tests.json ", "data-tests.json")]
    public void A_tests_path_is_normalized_to_a_path_from_the_repository_root(string given, string expected) =>
        Assert.Equal(expected, TestsFilePath.Normalize(given, s_root));

    [Theory]
    [InlineData("", "--tests-path is required")]
    [InlineData("../tests.yaml", "must not contain '..'")]
    [InlineData("./", "names no file")]
    public void A_bad_tests_path_is_an_error_naming_the_flag(string given, string reason)
    {
        var error = Assert.Throws<LakehouseException>(() => TestsFilePath.Normalize(given, s_root));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("--tests-path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_tests_path_inside_the_repository_is_made_relative_and_one_outside_is_an_error()
    {
        var inside = TestsFilePath.Normalize(Path.Combine(s_root, "tests", "a.yaml"), s_root);
        var error = Assert.Throws<LakehouseException>(
            () => TestsFilePath.Normalize(Path.Combine(Path.GetTempPath(), "elsewhere", "a.yaml"), s_root));

        Assert.Equal("tests/a.yaml", inside);
        Assert.Contains("outside the mirror repository", error.Message, StringComparison.Ordinal);
    }
}
