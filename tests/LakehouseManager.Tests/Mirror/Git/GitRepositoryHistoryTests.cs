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
        var basis = await clone.RevParseAsync("HEAD");
        await clone.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "main.sql", "select 1", "on main");
        await clone.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "dev.sql", "select 2", "on dev");

        Assert.True(await clone.IsAncestorAsync(basis!, "dev"));
        Assert.True(await clone.IsAncestorAsync("dev", "dev"));
        Assert.False(await clone.IsAncestorAsync("main", "dev"));
        Assert.Equal(basis, await clone.MergeBaseAsync("main", "dev"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Unrelated_histories_have_no_merge_base()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var other = await GitRepository.InitAsync(sandbox.Combine("other"), options: sandbox.Options);
        await GitSandbox.CommitFileAsync(other, "x.sql", "select 1", "unrelated");
        await clone.AddRemoteAsync("other", other.Directory);
        await clone.FetchAsync("other", "main");

        Assert.Null(await clone.MergeBaseAsync("main", "other/main"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_no_fast_forward_merge_makes_a_merge_commit_with_the_message()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        await clone.CheckoutAsync("dev");
        var devHead = await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "on dev");
        await clone.CheckoutAsync("main");

        var result = await clone.MergeAsync("dev", "Merge pull request 7");

        Assert.True(result.IsSuccess);
        Assert.Equal(await clone.RevParseAsync("HEAD"), result.CommitHash);
        Assert.Equal(devHead, await clone.RevParseAsync("HEAD^2"));
        Assert.Equal("Merge pull request 7\n", await sandbox.GitAsync(clone, "log", "-1", "--format=%s"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_merge_conflict_is_returned_and_the_merge_aborted()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'main'", "main edit");
        var mainHead = await clone.RevParseAsync("HEAD");
        await clone.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'dev'", "dev edit");
        await clone.CheckoutAsync("main");

        var result = await clone.MergeAsync("dev", "Merge dev");

        Assert.False(result.IsSuccess);
        Assert.Equal(["views/a.sql"], result.ConflictingPaths);
        Assert.Equal(mainHead, await clone.RevParseAsync("HEAD"));
        Assert.True(await clone.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_squash_merge_makes_one_ordinary_commit_and_nothing_when_there_is_no_change()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        await clone.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "one");
        await GitSandbox.CommitFileAsync(clone, "views/b.sql", "select 2", "two");
        await clone.CheckoutAsync("main");

        var merged = await clone.SquashMergeAsync("dev", "Squash dev");
        var again = await clone.SquashMergeAsync("dev", "Squash dev again");

        Assert.Equal(await clone.RevParseAsync("HEAD"), merged.CommitHash);
        Assert.Null(await clone.RevParseAsync("HEAD^2"));
        Assert.Equal(["views/a.sql", "views/b.sql"], await clone.ListTreeFilesAsync("HEAD", "views"));
        Assert.True(again.IsSuccess);
        Assert.Null(again.CommitHash);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_squash_merge_conflict_is_returned_and_the_tree_left_clean()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "a.sql", "select 'main'", "main edit");
        await clone.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "a.sql", "select 'dev'", "dev edit");
        await clone.CheckoutAsync("main");

        var result = await clone.SquashMergeAsync("dev", "Squash dev");

        Assert.Equal(["a.sql"], result.ConflictingPaths);
        Assert.True(await clone.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_replays_local_commits_onto_the_upstream()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        var upstream = await GitSandbox.CommitFileAsync(clone, "main.sql", "select 1", "main");
        await clone.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "dev.sql", "select 2", "dev");

        var result = await clone.RebaseAsync("main");

        Assert.True(result.IsSuccess);
        Assert.Equal(await clone.RevParseAsync("HEAD"), result.Head);
        Assert.Equal(upstream, await clone.RevParseAsync("HEAD~1"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_conflict_returns_the_paths_and_leaves_the_branch_where_it_was()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.CreateBranchAsync("dev", "main");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'main'", "main");
        await clone.CheckoutAsync("dev");
        var devHead = await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 'dev'", "dev");

        var result = await clone.RebaseAsync("main");

        Assert.False(result.IsSuccess);
        Assert.Equal(["views/a.sql"], result.ConflictingPaths);
        Assert.Equal(devHead, await clone.RevParseAsync("HEAD"));
        Assert.Equal("dev", await clone.GetCurrentBranchAsync());
        Assert.True(await clone.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_rebase_that_cannot_start_raises_an_error_instead_of_a_conflict()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.RebaseAsync("no-such-upstream"));

        Assert.Equal("rebase no-such-upstream", exception.Operation);
        Assert.Equal(clone.Directory, exception.Repository);
    }
}
