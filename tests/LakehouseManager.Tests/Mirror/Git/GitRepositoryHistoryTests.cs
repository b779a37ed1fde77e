using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitRepositoryHistoryTests
{
    [Fact(Timeout = 20_000)]
    public async Task Ancestry_and_merge_base_follow_the_commit_graph()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var basis = await clone.History.RevParseAsync("HEAD");
        await clone.History.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "main.sql", "select 1", "on main");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "dev.sql", "select 2", "on dev");

        Assert.True(await clone.History.IsAncestorAsync(basis!, "dev"));
        Assert.True(await clone.History.IsAncestorAsync("dev", "dev"));
        Assert.False(await clone.History.IsAncestorAsync("main", "dev"));
        Assert.Equal(basis, await clone.History.MergeBaseAsync("main", "dev"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Unrelated_histories_have_no_merge_base()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var other = await GitRepository.InitAsync(sandbox.Combine("other"), options: sandbox.Options);
        await GitSandbox.CommitFileAsync(other, "x.sql", "select 1", "unrelated");
        await clone.Remotes.AddRemoteAsync("other", other.Directory);
        await clone.Remotes.FetchAsync("other", "main");

        Assert.Null(await clone.History.MergeBaseAsync("main", "other/main"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_no_fast_forward_merge_makes_a_merge_commit_with_the_message()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        var devHead = await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "on dev");
        await clone.WorkTree.CheckoutAsync("main");

        var result = await clone.Merges.MergeAsync("dev", "Merge pull request 7");

        Assert.True(result.IsSuccess);
        Assert.Equal(await clone.History.RevParseAsync("HEAD"), result.CommitHash);
        Assert.Equal(devHead, await clone.History.RevParseAsync("HEAD^2"));
        Assert.Equal("Merge pull request 7\n", await sandbox.GitAsync(clone, "log", "-1", "--format=%s"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_merge_conflict_is_returned_and_the_merge_aborted()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'main'", "main edit");
        var mainHead = await clone.History.RevParseAsync("HEAD");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'dev'", "dev edit");
        await clone.WorkTree.CheckoutAsync("main");

        var result = await clone.Merges.MergeAsync("dev", "Merge dev");

        Assert.False(result.IsSuccess);
        Assert.Equal(["views/a.sql"], result.ConflictingPaths);
        Assert.Equal(mainHead, await clone.History.RevParseAsync("HEAD"));
        Assert.True(await clone.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_squash_merge_makes_one_ordinary_commit_and_nothing_when_there_is_no_change()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "one");
        await GitSandbox.CommitFileAsync(clone, "views/b.sql", "select 2", "two");
        await clone.WorkTree.CheckoutAsync("main");

        var merged = await clone.Merges.SquashMergeAsync("dev", "Squash dev");
        var again = await clone.Merges.SquashMergeAsync("dev", "Squash dev again");

        Assert.Equal(await clone.History.RevParseAsync("HEAD"), merged.CommitHash);
        Assert.Null(await clone.History.RevParseAsync("HEAD^2"));
        Assert.Equal(["views/a.sql", "views/b.sql"], await clone.Objects.ListTreeFilesAsync("HEAD", "views"));
        Assert.True(again.IsSuccess);
        Assert.Null(again.CommitHash);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_squash_merge_conflict_is_returned_and_the_tree_left_clean()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "a.sql", "select 'main'", "main edit");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "a.sql", "select 'dev'", "dev edit");
        await clone.WorkTree.CheckoutAsync("main");

        var result = await clone.Merges.SquashMergeAsync("dev", "Squash dev");

        Assert.Equal(["a.sql"], result.ConflictingPaths);
        Assert.True(await clone.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_replays_local_commits_onto_the_upstream()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        var upstream = await GitSandbox.CommitFileAsync(clone, "main.sql", "select 1", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "dev.sql", "select 2", "dev");

        var result = await clone.Merges.RebaseAsync("main");

        Assert.True(result.IsSuccess);
        Assert.Equal(await clone.History.RevParseAsync("HEAD"), result.Head);
        Assert.Equal(upstream, await clone.History.RevParseAsync("HEAD~1"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_conflict_returns_the_paths_and_leaves_the_branch_where_it_was()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'main'", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        var devHead = await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'dev'", "dev");

        var result = await clone.Merges.RebaseAsync("main");

        Assert.False(result.IsSuccess);
        Assert.Equal(["views/a.sql"], result.ConflictingPaths);
        Assert.Equal(devHead, await clone.History.RevParseAsync("HEAD"));
        Assert.Equal("dev", await clone.WorkTree.GetCurrentBranchAsync());
        Assert.True(await clone.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_that_cannot_start_raises_an_error_instead_of_a_conflict()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.Merges.RebaseAsync("no-such-upstream"));

        Assert.Equal("rebase no-such-upstream", exception.Operation);
        Assert.Equal(clone.Directory, exception.Repository);
    }
}
