using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitRepositoryBasicsTests
{
    [Fact(Timeout = 20_000)]
    public async Task Init_creates_a_repository_on_the_named_initial_branch_with_no_commit()
    {
        using var sandbox = new GitSandbox("[init]\n\tdefaultBranch = other\n");

        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), initialBranch: "trunk", options: sandbox.Options);

        Assert.Equal("trunk", await repository.WorkTree.GetCurrentBranchAsync());
        Assert.Null(await repository.History.RevParseAsync("HEAD^{commit}"));
        Assert.True(await repository.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task Init_can_create_a_bare_repository()
    {
        using var sandbox = new GitSandbox();

        var repository = await GitRepository.InitAsync(sandbox.Combine("r.git"), bare: true, options: sandbox.Options);

        Assert.Equal("true\n", await sandbox.GitAsync(repository, "rev-parse", "--is-bare-repository"));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_commit_uses_the_configured_identity_and_keeps_the_message_exactly()
    {
        using var sandbox = new GitSandbox("[user]\n\tname = Someone Else\n\temail = else@example.com\n");
        var options = sandbox.Options with { Identity = new GitIdentity("Mirror Bot", "bot@example.com") };
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: options);
        var message = GitCommitMessage.Compose(
            "Mirror catalog dev: 1 view changed",
            "- sales.orders (changed)\n\n`quotes` \"and\" $HOME ;",
            GitWatermark.Trailers("dev", "0123456789abcdef"));

        GitSandbox.WriteFile(repository, "a.sql", "select 1");
        await repository.WorkTree.StageAsync();
        var hash = await repository.WorkTree.CommitAsync(message);

        Assert.Equal(hash, await repository.History.RevParseAsync("HEAD"));
        Assert.Equal(
            "Mirror Bot <bot@example.com>|Mirror Bot <bot@example.com>\n",
            await sandbox.GitAsync(repository, "log", "-1", "--format=%an <%ae>|%cn <%ce>"));
        Assert.Equal(message + "\n", await sandbox.GitAsync(repository, "log", "-1", "--format=%B"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Status_reports_untracked_modified_and_staged_files_with_raw_unicode_paths()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        GitSandbox.WriteFile(clone, "vues/café ü.sql", "select 1");
        GitSandbox.WriteFile(clone, "odd/tab\tquote\"nl\n.sql", "select 2");
        File.AppendAllText(Path.Combine(clone.Directory, "README.md"), "more\n");

        var status = await clone.WorkTree.GetStatusAsync();

        Assert.False(await clone.WorkTree.IsCleanAsync());
        Assert.Equal(
            ["README.md", "odd/tab\tquote\"nl\n.sql", "vues/café ü.sql"],
            status.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(new GitStatusEntry("README.md", ' ', 'M'), status);
        Assert.True(status.Single(e => e.Path == "vues/café ü.sql").IsUntracked);
        Assert.Equal(["vues/café ü.sql"], await clone.WorkTree.GetDirtyPathsAsync("vues"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Staging_a_folder_stages_only_that_folder_including_deletions()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "views/old.sql", "select 0", "add old");
        GitSandbox.WriteFile(clone, "views/new.sql", "select 1");
        GitSandbox.WriteFile(clone, "other.txt", "not staged");
        File.Delete(Path.Combine(clone.Directory, "views/old.sql"));

        await clone.WorkTree.StageAsync("views");

        Assert.True(await clone.WorkTree.HasStagedChangesAsync("views"));
        Assert.False(await clone.WorkTree.HasStagedChangesAsync("other.txt"));
        var status = await clone.WorkTree.GetStatusAsync();
        Assert.Contains(new GitStatusEntry("views/new.sql", 'A', ' '), status);
        Assert.Contains(new GitStatusEntry("views/old.sql", 'D', ' '), status);
        Assert.Contains(new GitStatusEntry("other.txt", '?', '?'), status);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_first_commit_of_an_unborn_branch_can_be_staged_checked_and_made()
    {
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        GitSandbox.WriteFile(repository, "views/a.sql", "select 1\n");

        var dirty = await repository.WorkTree.GetDirtyPathsAsync();
        await repository.WorkTree.StageAsync("views");
        var staged = await repository.WorkTree.HasStagedChangesAsync("views");
        var hash = await repository.WorkTree.CommitAsync("Bootstrap mirror");

        Assert.Equal(["views/a.sql"], dirty);
        Assert.True(staged);
        Assert.Equal(hash, await repository.History.RevParseAsync("main"));
        Assert.False(await repository.WorkTree.HasStagedChangesAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task Staging_a_folder_that_exists_nowhere_stages_nothing()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        await clone.WorkTree.StageAsync("no/such/folder");

        Assert.False(await clone.WorkTree.HasStagedChangesAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task Branches_can_be_created_checked_out_and_tested_for_existence()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var main = await clone.History.RevParseAsync("HEAD");

        await clone.History.CreateBranchAsync("dev", "main");
        await clone.WorkTree.CheckoutAsync("dev");

        Assert.Equal("dev", await clone.WorkTree.GetCurrentBranchAsync());
        Assert.Equal(main, await clone.History.RevParseAsync("dev"));
        Assert.True(await clone.History.LocalBranchExistsAsync("dev"));
        Assert.False(await clone.History.LocalBranchExistsAsync("nope"));
        Assert.True(await clone.Remotes.RemoteTrackingBranchExistsAsync("origin", "main"));
        Assert.False(await clone.Remotes.RemoteTrackingBranchExistsAsync("origin", "dev"));
        Assert.True(await clone.Remotes.RemoteBranchExistsAsync("origin", "main"));
        Assert.False(await clone.Remotes.RemoteBranchExistsAsync("origin", "dev"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Creating_a_branch_that_exists_fails_with_a_message_naming_the_operation_and_repository()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        var moved = await GitSandbox.CommitFileAsync(clone, "x.sql", "select 1", "move main");

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.History.CreateBranchAsync("dev", "main"));
        await clone.History.CreateBranchAsync("dev", "main", force: true);

        Assert.Contains("git branch dev main failed in '" + clone.Directory + "'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", exception.Message, StringComparison.Ordinal);
        Assert.Equal(moved, await clone.History.RevParseAsync("dev"));
    }

    [Fact(Timeout = 20_000)]
    public async Task RevParse_returns_null_for_a_revision_that_does_not_exist()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        Assert.Null(await clone.History.RevParseAsync("no-such-branch"));
        Assert.Matches("^[0-9a-f]{40}$", await clone.History.RevParseAsync("origin/main"));
    }

    [Fact(Timeout = 20_000)]
    public async Task The_current_branch_is_null_when_HEAD_is_detached()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        await sandbox.GitAsync(clone, "checkout", "--quiet", "--detach");

        Assert.Null(await clone.WorkTree.GetCurrentBranchAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task Reset_hard_discards_tracked_changes_and_moves_the_branch()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var first = await clone.History.RevParseAsync("HEAD");
        await GitSandbox.CommitFileAsync(clone, "a.sql", "select 1", "second");
        File.WriteAllText(Path.Combine(clone.Directory, "README.md"), "edited");

        await clone.WorkTree.ResetHardAsync(first!);

        Assert.Equal(first, await clone.History.RevParseAsync("HEAD"));
        Assert.True(await clone.WorkTree.IsCleanAsync());
        Assert.False(File.Exists(Path.Combine(clone.Directory, "a.sql")));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_argument_that_looks_like_an_option_is_rejected_before_git_runs()
    {
        var repository = new GitRepository(Path.GetTempPath());

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => repository.WorkTree.CheckoutAsync("--orphan"));

        Assert.Contains("'--orphan'", exception.Message, StringComparison.Ordinal);
    }
}
