using LakehouseManager.Demo;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Demo;

public sealed class DemoRunnerTests
{
    [Fact]
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
