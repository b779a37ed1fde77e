using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Local;

public sealed class LocalPullRequestHostTests
{
    [Fact(Timeout = 30_000)]
    public async Task An_open_pull_request_reads_its_branches_heads_id_and_title()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        await world.SyncAsync("dev");

        var pullRequest = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());

        Assert.Equal("dev..main", pullRequest.Id);
        Assert.Equal("dev → main", pullRequest.Title);
        Assert.Equal(PullRequestStatus.Open, pullRequest.Status);
        Assert.False(pullRequest.IsMerged);
        Assert.Equal(("dev", "main"), (pullRequest.SourceBranch, pullRequest.TargetBranch));
        Assert.Equal(await world.Remote!.History.RevParseAsync("dev"), pullRequest.SourceCommit);
        Assert.Equal(await world.Remote!.History.RevParseAsync("main"), pullRequest.TargetCommit);
    }

    [Fact]
    public void Pull_requests_of_different_branch_pairs_never_share_an_id_or_a_folder()
    {
        var first = LocalPullRequestHost.PullRequestId("a-into-b", "c");
        var second = LocalPullRequestHost.PullRequestId("a", "b-into-c");

        Assert.NotEqual(first, second);
        Assert.NotEqual(PullRequestFolderName.For(first), PullRequestFolderName.For(second));
        Assert.Equal("feature%2Fx..main", PullRequestFolderName.For(LocalPullRequestHost.PullRequestId("feature/x", "main")));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("merge", PullRequestMergeOption.ThreeWay)]
    [InlineData("ff", PullRequestMergeOption.FastForward)]
    [InlineData("squash", PullRequestMergeOption.Squash)]
    public async Task A_pull_request_merged_in_git_is_merged_and_closed_with_its_merge_metadata(string how, PullRequestMergeOption option)
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        await world.SyncAsync("dev");
        await world.MergeInGitAsync("dev", how: how);

        var sourceHead = await world.Remote!.History.RevParseAsync("dev");

        var pullRequest = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());

        Assert.True(pullRequest.IsMerged);
        Assert.Equal(PullRequestStatus.Closed, pullRequest.Status);
        Assert.Equal(option, pullRequest.Merge!.Option);
        Assert.Equal(sourceHead, pullRequest.Merge.SourceCommit);
        Assert.Equal(option == PullRequestMergeOption.FastForward ? sourceHead : null, pullRequest.Merge.MergeCommit);
        Assert.Equal(Path.GetFileName(world.Checkout.Directory), pullRequest.Repository);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_with_no_commits_is_not_merged_even_when_the_target_moves_on()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.CutBranchAsync("dev");
        var host = world.Host();

        var fresh = await host.GetPullRequestAsync(MirrorWorld.Selector());
        await world.PutAsync("main", ("shop.sales.other", "SELECT 3"));
        await world.SyncAsync("main");
        var behind = await host.GetPullRequestAsync(MirrorWorld.Selector());

        Assert.Equal(fresh.SourceCommit, fresh.TargetCommit);
        Assert.False(fresh.IsMerged);
        Assert.Equal(PullRequestStatus.Open, fresh.Status);
        Assert.NotEqual(behind.SourceCommit, behind.TargetCommit);
        Assert.False(behind.IsMerged);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_with_only_changes_outside_the_mirror_is_not_taken_for_squash_merged()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.CutBranchAsync("dev");
        await world.CommitFileAsync("dev", "docs/notes.md", "notes\n");

        var pullRequest = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());

        Assert.False(pullRequest.IsMerged);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_squash_merge_at_the_repository_root_is_detected_on_the_whole_tree()
    {
        using var world = await MirrorWorld.CreateAsync(mirrorPath: "");
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        await world.SyncAsync("dev");
        var host = world.Host();

        var before = await host.GetPullRequestAsync(MirrorWorld.Selector());
        await world.MergeInGitAsync("dev", how: "squash");
        var after = await host.GetPullRequestAsync(MirrorWorld.Selector());

        Assert.False(before.IsMerged);
        Assert.True(after.IsMerged);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_remote_branch_is_read_when_it_is_newer_than_the_local_one()
    {
        using var world = await MirrorWorld.CreateAsync();
        await world.CutBranchAsync("dev");
        var other = await world.Sandbox.CloneAsync(world.Remote!, "other");
        await other.History.CreateBranchAsync("dev", "origin/dev");
        await other.WorkTree.CheckoutAsync("dev");
        var pushed = await GitSandbox.CommitFileAsync(other, "views/shop/sales/extra.sql", "SELECT 9\n", "Elsewhere");
        Assert.True((await other.Remotes.PushAsync("origin", "dev")).IsPushed);

        var pullRequest = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());

        Assert.Equal(pushed, pullRequest.SourceCommit);
        Assert.NotEqual(pushed, await world.Checkout.History.RevParseAsync("refs/heads/dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_repository_without_a_remote_uses_its_local_branches()
    {
        using var world = await MirrorWorld.CreateAsync(withRemote: false);
        await world.CutBranchAsync("dev");
        await world.PutAsync("dev", ("shop.sales.new_view", "SELECT 2"));
        await world.SyncAsync("dev");
        await world.MergeInGitAsync("dev");

        var pullRequest = await world.Host().GetPullRequestAsync(MirrorWorld.Selector());

        Assert.True(pullRequest.IsMerged);
        Assert.Equal(await world.Checkout.History.RevParseAsync("refs/heads/dev"), pullRequest.SourceCommit);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_branch_is_an_error_that_names_it_and_where_it_was_looked_for()
    {
        using var world = await MirrorWorld.CreateAsync();

        var exception = await Assert.ThrowsAsync<LakehouseException>(
            () => world.Host().GetPullRequestAsync(MirrorWorld.Selector("feature/nope")));

        Assert.Contains("'feature/nope' (--to-ref)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("origin/feature/nope", exception.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("dev", "dev", null, "are both 'dev'")]
    [InlineData("-x", "main", null, "Invalid source branch (--to-ref) name '-x'")]
    [InlineData("dev", "main", "42", "is not a local pull request's id")]
    [InlineData("dev", "main", "main..dev", "does not name the branch pair")]
    public async Task A_bad_selector_is_refused_before_git_runs(string source, string target, string? id, string expected)
    {
        var host = new LocalPullRequestHost(new GitRepository(Path.GetTempPath()), "views", Path.GetTempPath());

        var exception = await Assert.ThrowsAsync<LakehouseException>(
            () => host.GetPullRequestAsync(new PullRequestSelector(id, source, target)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
