using LakehouseManager.Catalog;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.PullRequests;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Merge;

public sealed class MergeCatalogTests
{
    /// <summary>dev: one view added and mirrored, as a reviewer saw it.</summary>
    private static async Task<(MirrorWorld World, string Reviewed)> ReviewedDevAsync(string mirrorPath = "views")
    {
        var world = await MirrorWorld.CreateAsync(mirrorPath);
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        var reviewed = await world.SyncAsync("dev");
        return (world, reviewed);
    }

    private static (MergeCatalog Merge, ListLogger<MergeCatalog> Log) Create(
        MirrorWorld world, ICatalog? catalog = null, MergeCatalogOptions? options = null)
    {
        var log = new ListLogger<MergeCatalog>();
        return (new MergeCatalog(catalog ?? world.Catalog, world.Host(), world.Checkout, log, options), log);
    }

    private static async Task<Dictionary<string, string>> ViewsAsync(MirrorWorld world, string branch)
    {
        var head = await world.Catalog.GetBranchAsync(branch);
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var view in world.Catalog.ListAllViewsAsync(head.Hash))
        {
            views.Add(view.Key.ToString(), view.Sql);
        }

        return views;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_not_merged_in_git_is_refused_with_its_branches_and_heads()
    {
        var (world, _) = await ReviewedDevAsync();
        using var _world = world;
        var (merge, _) = Create(world);
        var mainBefore = await world.Catalog.GetBranchAsync("main");

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => merge.RunAsync(MirrorWorld.Selector()));

        var devHead = (await world.Checkout.History.RevParseAsync("origin/dev"))![..12];
        var mainHead = (await world.Checkout.History.RevParseAsync("origin/main"))![..12];
        Assert.Equal(
            $"Pull request dev..main (dev → main) is not merged: source branch 'dev' is at {devHead} and target " +
            $"branch 'main' at {mainHead}. The pull request must be merged in git first; then MergeCatalog merges " +
            "catalog branch 'dev' into 'main'.",
            exception.Message);
        Assert.Equal(mainBefore, await world.Catalog.GetBranchAsync("main"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_reviewed_hash_is_merged_and_later_unsynced_changes_are_left_out_with_a_warning()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        var unsynced = await world.PutAsync("dev", ("shop.sales.late", "SELECT 'never reviewed'"));
        await world.MergeInGitAsync("dev");
        var (merge, log) = Create(world);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        var main = await world.Catalog.GetBranchAsync("main");
        var views = await ViewsAsync(world, "main");
        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Equal((reviewed, unsynced, main.Hash), (result.FromHash, result.SourceHead, result.TargetHashAfter));
        Assert.True(result.HasUnreviewedChanges);
        Assert.Equal("SELECT 2", views["shop.sales.new_view"]);
        Assert.DoesNotContain("shop.sales.late", views.Keys);
        Assert.True(await world.Catalog.IsAncestorAsync(reviewed, main.Hash));
        Assert.False(await world.Catalog.IsAncestorAsync(unsynced, main.Hash));
        Assert.Contains(log.At(LogLevel.Warning), m => m.Contains("never synced", StringComparison.Ordinal) &&
            m.Contains(unsynced[..12], StringComparison.Ordinal));
        var comment = Assert.Single(await world.Host().ListCommentsAsync(result.PullRequest).ToListAsync());
        Assert.StartsWith(
            $"✅ **Catalog merged.** Merged catalog branch `dev` at `{reviewed[..12]}` into `main`: `main` is now at " +
            $"`{main.Hash[..12]}`.", comment.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Running_again_after_a_merge_is_an_already_merged_success_that_changes_nothing()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var (merge, log) = Create(world);

        var first = await merge.RunAsync(MirrorWorld.Selector());
        var second = await merge.RunAsync(MirrorWorld.Selector());

        Assert.Equal(MergeCatalogOutcome.Merged, first.Outcome);
        Assert.Equal(MergeCatalogOutcome.AlreadyMerged, second.Outcome);
        Assert.True(second.IsSuccess);
        Assert.Equal(first.TargetHashAfter, second.TargetHashBefore);
        Assert.Equal(first.TargetHashAfter, second.TargetHashAfter);
        Assert.Equal(first.TargetHashAfter, (await world.Catalog.GetBranchAsync("main")).Hash);
        Assert.Equal(reviewed, second.FromHash);
        Assert.Single(await world.Host().ListCommentsAsync(second.PullRequest).ToListAsync());
        Assert.Contains(log.At(LogLevel.Information), m => m.Contains("already merged", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task Conflicts_are_listed_in_the_log_and_a_comment_and_nothing_is_merged()
    {
        var world = await MirrorWorld.CreateAsync();
        using var _world = world;
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.revenue", "SELECT 'dev'"), ("shop.sales.new_view", "SELECT 2"));
        await world.SyncAsync("dev");
        var mainHash = await world.PutAsync("main", ("shop.sales.revenue", "SELECT 'main'"));
        await world.MergeInGitAsync("dev");
        var (merge, log) = Create(world);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        Assert.Equal(MergeCatalogOutcome.Conflicts, result.Outcome);
        Assert.False(result.IsSuccess);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((ContentKey.Of("shop", "sales", "revenue"), "VALUE_DIFFERS"), (conflict.Key, conflict.ConflictType));
        Assert.Equal(mainHash, (await world.Catalog.GetBranchAsync("main")).Hash);
        Assert.Equal((mainHash, mainHash), (result.TargetHashBefore, result.TargetHashAfter));
        Assert.DoesNotContain("shop.sales.new_view", (await ViewsAsync(world, "main")).Keys);
        Assert.Contains(log.At(LogLevel.Error), m => m.Contains("shop.sales.revenue: VALUE_DIFFERS", StringComparison.Ordinal));
        var comment = Assert.Single(await world.Host().ListCommentsAsync(result.PullRequest).ToListAsync());
        Assert.Contains("| `shop.sales.revenue` | VALUE\\_DIFFERS |", comment.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_target_that_moves_between_the_dry_run_and_the_merge_is_re_read_and_nothing_is_overwritten()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var catalog = new MovingTargetCatalog(world.Catalog, moves: 1);
        var (merge, log) = Create(world, catalog);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        var views = await ViewsAsync(world, "main");
        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, catalog.MergeCalls);
        Assert.Equal("SELECT 1", views["shop.concurrent.view_1"]);
        Assert.Equal("SELECT 2", views["shop.sales.new_view"]);
        Assert.True(await world.Catalog.IsAncestorAsync(reviewed, result.TargetHashAfter));
        Assert.Contains(log.At(LogLevel.Warning), m => m.Contains("moved away", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_target_that_keeps_moving_fails_after_the_last_attempt_without_merging()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var catalog = new MovingTargetCatalog(world.Catalog, moves: 10);
        var (merge, _) = Create(world, catalog, new MergeCatalogOptions { MaxAttempts = 3 });

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => merge.RunAsync(MirrorWorld.Selector()));

        Assert.Contains("kept moving", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(3 attempts)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, catalog.MergeCalls);
        Assert.False(await world.Catalog.IsAncestorAsync(reviewed, (await world.Catalog.GetBranchAsync("main")).Hash));
        Assert.Equal(3, (await ViewsAsync(world, "main")).Keys.Count(k => k.StartsWith("shop.concurrent.", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_squash_merged_pull_request_merges_its_reviewed_catalog_state()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev", how: "squash");
        var (merge, _) = Create(world);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        Assert.True(result.PullRequest.IsMerged);
        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.Equal(reviewed, result.FromHash);
        Assert.Equal("SELECT 2", (await ViewsAsync(world, "main"))["shop.sales.new_view"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task After_a_squash_merge_that_deleted_the_source_branch_the_reviewed_state_is_merged_from_the_merge_metadata()
    {
        // Arrange: the pull request is seen while dev exists (the host remembers its source commit), then squash-merged
        // and dev deleted in git, locally and on the remote, as hosts do when they merge.
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        var reviewedCommit = (await world.Checkout.History.RevParseAsync("origin/dev"))!;
        var before = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());
        await world.MergeInGitAsync("dev", how: "squash");
        await world.Sandbox.GitAsync(world.Checkout, "push", "--quiet", "origin", "--delete", "dev");
        await world.Sandbox.GitAsync(world.Checkout, "branch", "--quiet", "-D", "dev");
        await world.Sandbox.GitAsync(world.Checkout, "fetch", "--quiet", "--prune", "origin");
        await world.PutAsync("dev", ("shop.sales.after_review", "SELECT 'not reviewed'"));
        var (merge, _) = Create(world);

        // Act
        var result = await merge.RunAsync(MirrorWorld.Selector());

        // Assert
        Assert.False(before.IsMerged);
        Assert.Null(await world.Checkout.History.RevParseAsync("refs/remotes/origin/dev"));
        Assert.Equal(PullRequestMergeOption.Squash, result.PullRequest.Merge!.Option);
        Assert.Equal(reviewedCommit, result.PullRequest.Merge.SourceCommit);
        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.Equal(reviewed, result.FromHash);
        var main = await ViewsAsync(world, "main");
        Assert.Equal("SELECT 2", main["shop.sales.new_view"]);
        Assert.DoesNotContain("shop.sales.after_review", main.Keys);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_catalog_merge_commit_names_the_pull_request_and_the_reviewed_git_commit()
    {
        var (world, _) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var (merge, _) = Create(world);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        var log = await world.Catalog.GetLogAsync("main", 1);
        Assert.Equal(
            $"Merge pull request dev..main (dev → main), reviewed at git commit {HashText.Short(result.Watermark.GitCommit)}",
            Assert.Single(log).Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_with_no_commits_is_refused_as_not_merged()
    {
        var world = await MirrorWorld.CreateAsync();
        using var _world = world;
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        var (merge, _) = Create(world);

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => merge.RunAsync(MirrorWorld.Selector()));

        Assert.Contains("is not merged", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("shop.sales.new_view", (await ViewsAsync(world, "main")).Keys);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_that_was_never_synced_is_refused()
    {
        var world = await MirrorWorld.CreateAsync();
        using var _world = world;
        await world.Catalog.CreateBranchAsync("dev", (await world.Catalog.GetBranchAsync("main")).Hash);
        await world.Checkout.History.CreateBranchAsync("dev", "main~1");
        var handMade = await world.CommitFileAsync("dev", "views/shop/sales/by_hand.sql", "SELECT 1\n");
        var pullRequest = new PullRequest(
            "mirror", "dev..main", "dev → main", PullRequestStatus.Closed, "dev", "main", handMade, null, new PullRequestMerge(null, PullRequestMergeOption.ThreeWay, handMade, null));
        var (merge, _) = Create(world);

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => merge.RunAsync(pullRequest));

        Assert.Contains("the branch was never synced", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Run Sync for 'dev' and review the pull request first", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_reviewed_hash_is_merged_even_after_the_catalog_branch_was_recreated_and_nothing_of_the_new_branch()
    {
        var (world, reviewed) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var dev = await world.Catalog.GetBranchAsync("dev");
        await world.Catalog.DeleteBranchAsync("dev", dev.Hash);
        await world.Catalog.CreateBranchAsync("dev", (await world.Catalog.GetBranchAsync("main")).Hash);
        await world.PutAsync("dev", ("shop.sales.other", "SELECT 3"));
        var (merge, _) = Create(world);

        var result = await merge.RunAsync(MirrorWorld.Selector());

        Assert.Equal(MergeCatalogOutcome.Merged, result.Outcome);
        Assert.Equal(reviewed, result.FromHash);
        Assert.True(result.HasUnreviewedChanges);
        var main = await ViewsAsync(world, "main");
        Assert.DoesNotContain("shop.sales.other", main.Keys);
        Assert.Equal("SELECT 2", main["shop.sales.new_view"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merged_pull_request_whose_catalog_branch_is_gone_is_already_merged_when_main_has_it()
    {
        var (world, _) = await ReviewedDevAsync();
        using var _world = world;
        await world.MergeInGitAsync("dev");
        var (merge, _) = Create(world);
        await merge.RunAsync(MirrorWorld.Selector());
        var dev = await world.Catalog.GetBranchAsync("dev");
        await world.Catalog.DeleteBranchAsync("dev", dev.Hash);

        var again = await merge.RunAsync(MirrorWorld.Selector());

        Assert.Equal(MergeCatalogOutcome.AlreadyMerged, again.Outcome);
        Assert.Null(again.SourceHead);
    }
}
