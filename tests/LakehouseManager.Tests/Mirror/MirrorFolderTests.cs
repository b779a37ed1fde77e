using System.Text;
using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorFolderTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(".", "")]
    [InlineData("views", "views")]
    [InlineData("./views/", "views")]
    [InlineData("catalog\\views//sub", "catalog/views/sub")]
    public void The_mirror_path_is_normalized(string mirrorPath, string normalized)
    {
        Assert.Equal(normalized, MirrorFolder.NormalizeMirrorPath(mirrorPath));
    }

    [Theory]
    [InlineData("/abs/views", "relative")]
    [InlineData("\\\\server\\share", "relative")]
    [InlineData("C:\\views", "relative")]
    [InlineData("../outside", "'..'")]
    [InlineData("views/../../x", "'..'")]
    [InlineData(".git", ".git")]
    [InlineData("a/.GIT/hooks", ".git")]
    public void A_mirror_path_outside_the_checkout_or_inside_git_is_rejected_with_its_name(string mirrorPath, string reason)
    {
        var exception = Assert.Throws<LakehouseException>(() => MirrorFolder.NormalizeMirrorPath(mirrorPath));

        Assert.Contains($"'{mirrorPath}' (--mirror-path)", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Writing_a_view_creates_its_folders_and_the_exact_bytes_without_leaving_temp_files()
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "views");

        await folder.WriteViewAsync("sales/reporting/orders.sql", "select 1\r\n");
        await folder.WriteViewAsync("sales/reporting/orders.sql", "select 2");

        var file = checkout.Combine("views", "sales", "reporting", "orders.sql");
        Assert.Equal("select 2\n"u8.ToArray(), File.ReadAllBytes(file));
        Assert.Equal(["orders.sql"], Directory.GetFileSystemEntries(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
        Assert.Equal("select 2", await folder.ReadViewAsync("sales/reporting/orders.sql"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Reading_a_missing_view_returns_null()
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "");

        Assert.Null(await folder.ReadViewAsync("a/b.sql"));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("../escape.sql")]
    [InlineData("a/../../escape.sql")]
    [InlineData("/tmp/escape.sql")]
    [InlineData("notes.txt")]
    public async Task A_path_that_is_not_a_mirror_file_is_refused_and_nothing_is_written(string path)
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "views");

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => folder.WriteViewAsync(path, "select 1"));

        Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(checkout.Path, "*", SearchOption.AllDirectories));
    }

    [Fact(Timeout = 60_000)]
    public async Task Deleting_the_last_view_of_a_folder_removes_the_empty_folders_but_not_the_mirror_folder()
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "views");
        await folder.WriteViewAsync("sales/eu/a.sql", "select 1");
        await folder.WriteViewAsync("sales/b.sql", "select 2");
        await folder.WriteViewAsync("other/c.sql", "select 3");

        Assert.True(folder.DeleteView("sales/eu/a.sql"));
        Assert.False(Directory.Exists(checkout.Combine("views", "sales", "eu")));
        Assert.True(File.Exists(checkout.Combine("views", "sales", "b.sql")));

        Assert.True(folder.DeleteView("sales/b.sql"));
        Assert.True(folder.DeleteView("other/c.sql"));
        Assert.False(folder.DeleteView("other/c.sql"));
        Assert.True(Directory.Exists(checkout.Combine("views")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(checkout.Combine("views")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_folder_holding_a_human_file_is_kept_when_its_last_view_is_deleted()
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "");
        await folder.WriteViewAsync("sales/a.sql", "select 1");
        File.WriteAllText(checkout.Combine("sales", "README.md"), "notes");

        folder.DeleteView("sales/a.sql");

        Assert.True(File.Exists(checkout.Combine("sales", "README.md")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Writing_through_a_symlinked_folder_is_refused_and_nothing_is_written_outside()
    {
        using var checkout = new TempDirectory();
        using var outside = new TempDirectory();
        Directory.CreateDirectory(checkout.Combine("views"));
        Directory.CreateSymbolicLink(checkout.Combine("views", "sales"), outside.Path);
        var folder = new MirrorFolder(checkout.Path, "views");

        var exception = await Assert.ThrowsAsync<LakehouseException>(() => folder.WriteViewAsync("sales/a.sql", "select 1"));

        Assert.Contains("symbolic link", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_symlinked_mirror_folder_is_refused_for_writes_deletes_and_scans()
    {
        using var checkout = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllText(Path.Combine(outside.Path, "a.sql"), "keep me\n");
        Directory.CreateSymbolicLink(checkout.Combine("views"), outside.Path);
        var folder = new MirrorFolder(checkout.Path, "views");

        await Assert.ThrowsAsync<LakehouseException>(() => folder.WriteViewAsync("b.sql", "select 1"));
        Assert.Throws<LakehouseException>(() => folder.DeleteView("a.sql"));
        Assert.Throws<LakehouseException>(() => folder.Scan());

        Assert.Equal(["a.sql"], Directory.EnumerateFileSystemEntries(outside.Path).Select(Path.GetFileName));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_file_that_is_a_symlink_is_neither_overwritten_nor_followed()
    {
        using var checkout = new TempDirectory();
        using var outside = new TempDirectory();
        var target = Path.Combine(outside.Path, "secret.txt");
        File.WriteAllText(target, "secret");
        Directory.CreateDirectory(checkout.Combine("views"));
        File.CreateSymbolicLink(checkout.Combine("views", "a.sql"), target);
        var folder = new MirrorFolder(checkout.Path, "views");

        await Assert.ThrowsAsync<LakehouseException>(() => folder.WriteViewAsync("a.sql", "select 1"));
        await Assert.ThrowsAsync<LakehouseException>(() => folder.ReadViewAsync("a.sql"));

        Assert.Equal("secret", File.ReadAllText(target));
    }

    [Fact(Timeout = 60_000)]
    public async Task Scanning_lists_the_views_with_their_keys_and_reports_files_that_do_not_decode()
    {
        using var checkout = new TempDirectory();
        var folder = new MirrorFolder(checkout.Path, "");
        await folder.WriteViewAsync("sales/orders.sql", "select 1");
        await folder.WriteViewAsync("sales/Orders%~1.sql", "select 2");
        await folder.WriteViewAsync("%63on.sql", "select 3");
        Write(checkout, ".git/objects/x.sql");
        Write(checkout, ".github/workflows/check.sql");
        Write(checkout, "README.md");
        Write(checkout, "sales/notes.txt");
        Write(checkout, "sales/bad%zz.sql");
        Write(checkout, "sales/LOUD.SQL");
        Write(checkout, "deep/.hidden/v.sql");
        Directory.CreateSymbolicLink(checkout.Combine("linked"), checkout.Combine("sales"));

        var scan = folder.Scan();

        Assert.Equal(
            [
                new MirrorEntry("%63on.sql", ContentKey.Of("con")),
                new MirrorEntry("sales/Orders%~1.sql", ContentKey.Of("sales", "Orders")),
                new MirrorEntry("sales/orders.sql", ContentKey.Of("sales", "orders")),
            ],
            scan.Views);
        Assert.Equal(["deep/.hidden/v.sql", "linked", "sales/LOUD.SQL", "sales/bad%zz.sql"], scan.Problems.Select(p => p.RelativePath));
        Assert.Contains("not an escape", scan.Problems.Single(p => p.RelativePath == "sales/bad%zz.sql").Reason, StringComparison.Ordinal);
        Assert.Contains("symbolic link", scan.Problems.Single(p => p.RelativePath == "linked").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanning_a_mirror_folder_that_does_not_exist_yet_finds_nothing()
    {
        using var checkout = new TempDirectory();

        var scan = new MirrorFolder(checkout.Path, "views").Scan();

        Assert.Empty(scan.Views);
        Assert.Empty(scan.Problems);
    }

    [Fact]
    public void Paths_convert_between_the_repository_and_the_mirror_folder()
    {
        var folder = new MirrorFolder(Path.GetTempPath(), "catalog/views");
        var root = new MirrorFolder(Path.GetTempPath(), "");

        Assert.Equal("catalog/views/a/b.sql", folder.ToRepositoryPath("a/b.sql"));
        Assert.Equal("a/b.sql", folder.FromRepositoryPath("catalog/views/a/b.sql"));
        Assert.Null(folder.FromRepositoryPath("catalog/viewsX/a.sql"));
        Assert.Null(folder.FromRepositoryPath("README.md"));
        Assert.Equal("a/b.sql", root.ToRepositoryPath("a/b.sql"));
        Assert.Equal("README.md", root.FromRepositoryPath("README.md"));
    }

    private static void Write(TempDirectory directory, string relativePath)
    {
        var full = directory.Combine(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "x", Encoding.UTF8);
    }
}
