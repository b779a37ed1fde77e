using LakehouseManager.Catalog.Local;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Demo;

public sealed partial class DemoRunner
{
    /// <summary>
    /// Step 6: the engineer adds the data tests to git branch dev; a reviewer asks for them (<c>!test</c>); one test
    /// fails because the altered view counts every order; the engineer fixes the view in the catalog, Sync commits the
    /// fix, and the tests pass in both formats.
    /// </summary>
    private async Task<(int Failed, int Passed)> RunDataTestsStepAsync(
        LakehousePipeline pipeline, LocalSqlExecutor sql, CancellationToken cancellationToken)
    {
        Step(6, "data tests: the pull request's tests file, run against catalog branch dev, fail; fix the view; run again");
        var checkout = pipeline.Lakehouse.Repository;
        var pullRequestDevToMain = PullRequestSelector.ByBranches("dev", "main");
        foreach (var (path, text) in new[] { (DemoDataTests.YamlPath, DemoDataTests.Yaml), (DemoDataTests.JsonPath, DemoDataTests.Json) })
        {
            var full = Path.Combine(checkout.Directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, cancellationToken).ConfigureAwait(false);
        }

        await checkout.WorkTree.StageAsync("tests", cancellationToken).ConfigureAwait(false);
        await checkout.WorkTree.CommitAsync("Add data tests for the sales views\n", cancellationToken).ConfigureAwait(false);
        await checkout.Remotes.PushAsync(pipeline.Settings.Remote, "dev", cancellationToken).ConfigureAwait(false);
        if (pipeline.Lakehouse.PullRequestHost is LocalPullRequestHost host)
        {
            var pullRequest = await host.GetPullRequestAsync(pullRequestDevToMain, cancellationToken).ConfigureAwait(false);
            await host.PostCommentAsAsync(pullRequest, "reviewer", "!test", cancellationToken).ConfigureAwait(false);
        }

        RunDataTestsResult failing;
        using (_loggers.Expect(
                   [$"FAIL {DemoDataTests.YamlFailingTest} ", $"WARN {DemoDataTests.YamlWarningTest} "],
                   "the altered view counts cancelled and refunded orders; the engineer fixes it next"))
        {
            failing = await pipeline.RunDataTestsAsync(
                pullRequestDevToMain, DemoDataTests.YamlPath, [], RunnerOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        Expect(failing.IsFailed && failing.Run.Failed == 1, "one data test fails on the buggy view");

        _logger.LogInformation("The engineer fixes the view on dev: {Sql}", DemoScript.FixOnDev.ReplaceLineEndings(" "));
        await RunSqlAsync(sql, "dev", [DemoScript.FixOnDev], cancellationToken).ConfigureAwait(false);
        var fix = await pipeline.SyncAsync("dev", cancellationToken).ConfigureAwait(false);
        Expect(fix.Delta.Count(MirrorChangeKind.Changed) == 1, "the sync commits the fixed view");

        var passing = await pipeline.RunDataTestsAsync(
            pullRequestDevToMain, DemoDataTests.YamlPath, [], RunnerOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        var original = await pipeline.RunDataTestsAsync(
            pullRequestDevToMain, DemoDataTests.JsonPath, [], RunnerOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        Expect(!passing.IsFailed && !original.IsFailed, "the data tests pass after the fix, in both formats");
        return (failing.Run.Failed, passing.Run.Passed + original.Run.Passed);
    }

    /// <summary>Steps 7 and 8: the pull request is merged in git, then MergeCatalog merges catalog dev into main.</summary>
    private async Task<MergeCatalogResult> MergeStepAsync(LakehousePipeline pipeline, CancellationToken cancellationToken)
    {
        Step(7, "the reviewer merges the pull request: git dev into git main");
        var checkout = pipeline.Lakehouse.Repository;
        await checkout.WorkTree.CheckoutAsync("main", cancellationToken).ConfigureAwait(false);
        var merged = await checkout.Merges.MergeAsync("dev", "Merge pull request dev into main\n", cancellationToken).ConfigureAwait(false);
        Expect(merged.CommitHash is not null, "git merges dev into main");
        await checkout.Remotes.PushAsync(pipeline.Settings.Remote, "main", cancellationToken).ConfigureAwait(false);

        Step(8, "MergeCatalog: the pull request is merged, so catalog dev is merged into catalog main");
        var result = await pipeline.MergeCatalogAsync(PullRequestSelector.ByBranches("dev", "main"), cancellationToken).ConfigureAwait(false);
        Expect(result.Outcome == MergeCatalogOutcome.Merged, "the catalog merge succeeds");
        var again = await pipeline.MergeCatalogAsync(PullRequestSelector.ByBranches("dev", "main"), cancellationToken).ConfigureAwait(false);
        Expect(again.Outcome == MergeCatalogOutcome.AlreadyMerged, "running MergeCatalog again is a no-op success");
        return result;
    }
}
