using LakehouseManager.IO;
using LakehouseManager.Security;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.IO;

public sealed class AtomicFileTests
{
    [Fact(Timeout = 10_000)]
    public async Task Writing_creates_the_folder_and_replaces_the_whole_file_leaving_nothing_else()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("artifacts", "catalog-delta.json");

        await AtomicFile.WriteTextAsync(path, "{\"old\": true, \"long\": \"text that is longer\"}", SecretRedactor.None);
        await AtomicFile.WriteTextAsync(path, "{\"new\": true}", SecretRedactor.None);

        Assert.Equal("{\"new\": true}", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(temp.Combine("artifacts")));
    }

    [Fact(Timeout = 10_000)]
    public async Task Text_is_UTF_8_without_a_byte_order_mark_and_bytes_are_written_as_they_are()
    {
        using var temp = new TempDirectory();

        await AtomicFile.WriteTextAsync(temp.Combine("a.md"), "é", SecretRedactor.None);
        await AtomicFile.WriteAsync(temp.Combine("b.sql"), new byte[] { 0x00, 0xFF, 0x0D, 0x0A });

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, await File.ReadAllBytesAsync(temp.Combine("a.md")));
        Assert.Equal(new byte[] { 0x00, 0xFF, 0x0D, 0x0A }, await File.ReadAllBytesAsync(temp.Combine("b.sql")));
    }

    [Fact(Timeout = 10_000)]
    public async Task Creating_refuses_a_file_that_exists_and_leaves_it_as_it_was()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("001-comment.md");
        await AtomicFile.CreateTextAsync(path, "first", SecretRedactor.None);

        var error = await Assert.ThrowsAsync<LakehouseException>(() => AtomicFile.CreateTextAsync(path, "second", SecretRedactor.None));

        Assert.Contains($"Could not create '{path}': a file of that name exists already", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact(Timeout = 10_000)]
    public async Task Text_is_written_with_the_runs_secrets_masked_in_every_form_the_writers_give_them()
    {
        using var temp = new TempDirectory();
        var redactor = new SecretRedactor(["pat+canary/\"42&<x>"]);
        var path = temp.Combine("report.md");

        await AtomicFile.WriteTextAsync(
            path, "raw pat+canary/\"42&<x>, json pat+canary/\\\"42&<x>, xml pat+canary/&quot;42&amp;&lt;x&gt;", redactor);

        Assert.Equal("raw ***, json ***, xml ***", await File.ReadAllTextAsync(path));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_file_that_cannot_be_written_is_an_error_that_names_it_and_leaves_nothing_behind()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Combine("artifacts"), "a file where a folder should be");
        var path = temp.Combine("artifacts", "test-results", "data-tests.xml");

        var error = await Assert.ThrowsAsync<FileSystemException>(() => AtomicFile.WriteTextAsync(path, "<x/>", SecretRedactor.None));

        Assert.StartsWith($"Could not write '{path}': ", error.Message, StringComparison.Ordinal);
        Assert.Equal([temp.Combine("artifacts")], Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData(".lhm-0123456789abcdef0123456789abcdef.tmp", true)]
    [InlineData("orders.sql", false)]
    [InlineData("001-comment.md", false)]
    [InlineData(".lhm-notes.md", false)]
    public void A_temporary_file_left_by_a_killed_write_is_recognised_by_its_name(string name, bool temporary)
    {
        Assert.Equal(temporary, AtomicFile.IsTemporaryFileName(name));
    }
}
