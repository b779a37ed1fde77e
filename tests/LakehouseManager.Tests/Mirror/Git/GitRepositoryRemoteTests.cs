using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitRepositoryRemoteTests
{
    [Fact(Timeout = 20_000)]
    public async Task A_new_branch_is_pushed_and_then_exists_on_the_remote()
    {
        using var sandbox = new GitSandbox();
        var (remote, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        var head = await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "dev work");

        var result = await clone.Remotes.PushAsync("origin", "dev");

        Assert.Equal(GitPushStatus.Pushed, result.Status);
        Assert.True(await clone.Remotes.RemoteBranchExistsAsync("origin", "dev"));
        Assert.Equal(head, await remote.History.RevParseAsync("refs/heads/dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task In_a_push_race_the_second_push_is_rejected_then_fetch_rebase_and_retry_succeed()
    {
        using var sandbox = new GitSandbox();
        var (remote, first) = await sandbox.CreateRemoteAndCloneAsync("first");
        var second = await sandbox.CloneAsync(remote, "second");
        await GitSandbox.CommitFileAsync(first, "views/a.sql", "select 'a'", "first");
        await GitSandbox.CommitFileAsync(second, "views/b.sql", "select 'b'", "second");

        var winner = await first.Remotes.PushAsync("origin", "main");
        var loser = await second.Remotes.PushAsync("origin", "main");
        await second.Remotes.FetchAsync("origin", "main");
        var rebase = await second.Merges.RebaseAsync("origin/main");
        var retry = await second.Remotes.PushAsync("origin", "main");

        Assert.Equal(GitPushStatus.Pushed, winner.Status);
        Assert.Equal(GitPushStatus.RemoteMoved, loser.Status);
        Assert.Contains("rejected", loser.Summary, StringComparison.Ordinal);
        Assert.True(rebase.IsSuccess);
        Assert.Equal(GitPushStatus.Pushed, retry.Status);
        Assert.Equal(["views/a.sql", "views/b.sql"], await remote.Objects.ListTreeFilesAsync("main", "views"));
        Assert.Equal(await second.History.RevParseAsync("HEAD"), await remote.History.RevParseAsync("main"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_push_race_on_the_same_file_ends_in_a_reported_rebase_conflict()
    {
        using var sandbox = new GitSandbox();
        var (remote, first) = await sandbox.CreateRemoteAndCloneAsync("first");
        var second = await sandbox.CloneAsync(remote, "second");
        await GitSandbox.CommitFileAsync(first, "views/a.sql", "select 'human'", "human edit");
        var ours = await GitSandbox.CommitFileAsync(second, "views/a.sql", "select 'catalog'", "mirror");
        await first.Remotes.PushAsync("origin", "main");

        var rejected = await second.Remotes.PushAsync("origin", "main");
        await second.Remotes.FetchAsync("origin", "main");
        var rebase = await second.Merges.RebaseAsync("origin/main");

        Assert.Equal(GitPushStatus.RemoteMoved, rejected.Status);
        Assert.Equal(["views/a.sql"], rebase.ConflictingPaths);
        Assert.Equal(ours, await second.History.RevParseAsync("HEAD"));
        Assert.True(await second.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task A_push_refused_for_another_reason_raises_an_error_with_the_remote_message()
    {
        using var sandbox = new GitSandbox();
        var target = await GitRepository.InitAsync(sandbox.Combine("non-bare"), options: sandbox.Options);
        await GitSandbox.CommitFileAsync(target, "a.sql", "select 1", "checked out");
        var clone = await sandbox.CloneAsync(target, "clone");
        await GitSandbox.CommitFileAsync(clone, "b.sql", "select 2", "change");

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.Remotes.PushAsync("origin", "main"));

        Assert.Equal("push origin main", exception.Operation);
        Assert.Contains("remote rejected", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetching_a_branch_that_does_not_exist_raises_an_error_quoting_git()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.Remotes.FetchAsync("origin", "nope"));

        Assert.Contains("git fetch origin nope failed in", exception.Message, StringComparison.Ordinal);
        Assert.Contains("couldn't find remote ref", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Fetching_all_branches_updates_and_prunes_remote_tracking_branches()
    {
        using var sandbox = new GitSandbox();
        var (remote, first) = await sandbox.CreateRemoteAndCloneAsync("first");
        var second = await sandbox.CloneAsync(remote, "second");
        await first.History.CreateBranchAsync("dev", "main");
        await first.Remotes.PushAsync("origin", "dev");

        await second.Remotes.FetchAsync("origin");
        var afterCreate = await second.Remotes.RemoteTrackingBranchExistsAsync("origin", "dev");
        await sandbox.GitAsync(first, "push", "--quiet", "origin", "--delete", "dev");
        await second.Remotes.FetchAsync("origin");

        Assert.True(afterCreate);
        Assert.False(await second.Remotes.RemoteTrackingBranchExistsAsync("origin", "dev"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_password_in_a_remote_url_never_appears_in_an_error()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.Remotes.AddRemoteAsync("secret", "http://user:hunter2-pat@127.0.0.1:9/repo.git");

        var exception = await Assert.ThrowsAsync<GitException>(
            () => GitRepository.CloneAsync("http://user:hunter2-pat@127.0.0.1:9/repo.git", sandbox.Combine("x"), options: sandbox.Options));

        Assert.DoesNotContain("hunter2-pat", exception.ToString(), StringComparison.Ordinal);
    }
}
