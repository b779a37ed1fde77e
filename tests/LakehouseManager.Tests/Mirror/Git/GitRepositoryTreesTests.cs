using System.Text;
using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitRepositoryTreesTests
{
    [Fact(Timeout = 20_000)]
    public async Task File_bytes_are_stored_and_read_back_unconverted_even_when_the_user_config_asks_for_CRLF()
    {
        using var sandbox = new GitSandbox("[core]\n\tautocrlf = true\n\tsafecrlf = true\n");
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        var bytes = Encoding.UTF8.GetBytes("select 1\r\nfrom t\nwhere x = 'é'\r\n\n");
        File.WriteAllBytes(Path.Combine(repository.Directory, "v.sql"), bytes);
        await repository.WorkTree.StageAsync();
        var commit = await repository.WorkTree.CommitAsync("add view");

        var stored = await repository.Objects.ReadFileAsync(commit, "v.sql");

        Assert.Equal(bytes, stored);
        Assert.True(await repository.WorkTree.IsCleanAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task Bytes_that_are_not_text_are_read_back_exactly_beside_other_files()
    {
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        byte[] binary = [0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x80, (byte)'\n'];
        File.WriteAllBytes(Path.Combine(repository.Directory, "blob.bin"), binary);
        File.WriteAllText(Path.Combine(repository.Directory, "next.sql"), "select 2\n");
        await repository.WorkTree.StageAsync();
        var commit = await repository.WorkTree.CommitAsync("add files");

        var files = await repository.Objects.ReadFilesAsync(commit, ["blob.bin", "next.sql"]);

        Assert.Equal(binary, files["blob.bin"]);
        Assert.Equal("select 2\n"u8.ToArray(), files["next.sql"]);
    }

    [Fact(Timeout = 20_000)]
    public async Task Reading_an_absent_path_or_a_folder_returns_null()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "views/a b/ü.sql", "select 1\n", "add");

        var files = await clone.Objects.ReadFilesAsync("HEAD", ["views/a b/ü.sql", "views/missing.sql", "views/a b", "README.md"]);

        Assert.Equal("select 1\n"u8.ToArray(), files["views/a b/ü.sql"]);
        Assert.Null(files["views/missing.sql"]);
        Assert.Null(files["views/a b"]);
        Assert.Equal("mirror\n"u8.ToArray(), files["README.md"]);
        Assert.Null(await clone.Objects.ReadFileAsync("HEAD~1", "views/a b/ü.sql"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Reading_at_a_revision_that_does_not_exist_fails()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        var exception = await Assert.ThrowsAsync<GitException>(() => clone.Objects.ReadFileAsync("nope", "README.md"));

        Assert.Contains("'nope' is not a commit", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Tracked_files_are_listed_under_a_folder_at_a_revision_and_in_the_index()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "views/sales/orders.sql", "select 1", "one");
        var first = await clone.History.RevParseAsync("HEAD");
        await GitSandbox.CommitFileAsync(clone, "views/ventes/entrée*.sql", "select 2", "two");
        GitSandbox.WriteFile(clone, "views/staged.sql", "select 3");
        await clone.WorkTree.StageAsync("views");
        GitSandbox.WriteFile(clone, "views/untracked.sql", "select 4");

        Assert.Equal(["views/sales/orders.sql"], await clone.Objects.ListTreeFilesAsync(first!, "views"));
        Assert.Equal(
            ["views/sales/orders.sql", "views/ventes/entrée*.sql"],
            await clone.Objects.ListTreeFilesAsync("HEAD", "views"));
        Assert.Equal(
            ["README.md", "views/sales/orders.sql", "views/ventes/entrée*.sql"],
            await clone.Objects.ListTreeFilesAsync("HEAD"));
        Assert.Equal(
            ["views/sales/orders.sql", "views/staged.sql", "views/ventes/entrée*.sql"],
            await clone.WorkTree.ListIndexFilesAsync("views"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Pathspecs_are_literal_so_glob_characters_in_a_folder_match_only_themselves()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "v*/a.sql", "select 1", "star folder");
        await GitSandbox.CommitFileAsync(clone, "views/b.sql", "select 2", "plain folder");

        Assert.Equal(["v*/a.sql"], await clone.Objects.ListTreeFilesAsync("HEAD", "v*"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Changed_paths_between_two_revisions_are_listed_under_a_folder_with_renames_as_two_paths()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "views/keep.sql", "select 1", "base");
        await GitSandbox.CommitFileAsync(clone, "views/old.sql", "select 2 -- long enough to be a rename", "old");
        var from = await clone.History.RevParseAsync("HEAD");
        await sandbox.GitAsync(clone, "mv", "views/old.sql", "views/renamed.sql");
        GitSandbox.WriteFile(clone, "views/café.sql", "select 3");
        GitSandbox.WriteFile(clone, "outside.txt", "x");
        await clone.WorkTree.StageAsync();
        var to = await clone.WorkTree.CommitAsync("changes");

        var changed = await clone.Objects.DiffNamesAsync(from!, to, "views");

        Assert.Equal(["views/café.sql", "views/old.sql", "views/renamed.sql"], changed.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 20_000)]
    public async Task Changed_paths_against_the_working_tree_include_unstaged_edits_of_tracked_files()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "base");
        File.WriteAllText(Path.Combine(clone.Directory, "views/a.sql"), "select 2");

        Assert.Equal(["views/a.sql"], await clone.Objects.DiffNamesAsync("HEAD", null, "views"));
        Assert.Empty(await clone.Objects.DiffNamesAsync("HEAD", "HEAD", "views"));
    }
}
