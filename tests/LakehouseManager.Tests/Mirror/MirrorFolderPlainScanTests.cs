using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorFolderPlainScanTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_files_of_a_few_keys_are_found_at_their_plain_paths_and_absent_ones_are_left_out()
    {
        // Arrange
        using var temp = new TempDirectory();
        var folder = new MirrorFolder(temp.Path, "views");
        await folder.WriteViewAsync("shop/a.sql", "SELECT 1");
        await folder.WriteViewAsync("shop/b.sql", "SELECT 2");
        await folder.WriteViewAsync("other/c.sql", "SELECT 3");

        // Act
        var scan = folder.TryScanPlain([ContentKey.Of("shop", "a"), ContentKey.Of("shop", "new"), ContentKey.Of("gone", "x")]);

        // Assert
        Assert.NotNull(scan);
        var entry = Assert.Single(scan.Views);
        Assert.Equal(("shop/a.sql", ContentKey.Of("shop", "a")), (entry.RelativePath, entry.Key));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("shop/Orders.sql", "shop", "orders")]
    [InlineData("shop/Orders%~1.sql", "shop", "Orders")]
    [InlineData("Shop/x.sql", "shop", "y")]
    [InlineData("shop/orders.sql", "shop", "ORDERS")]
    public async Task A_name_equal_ignoring_case_or_case_suffix_on_the_way_gives_up_for_a_full_scan(
        string existing, string ns, string name)
    {
        // Arrange
        using var temp = new TempDirectory();
        var folder = new MirrorFolder(temp.Path, "");
        var path = Path.Combine(temp.Path, existing.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "SELECT 1\n");

        // Act
        var scan = folder.TryScanPlain([ContentKey.Of(ns, name)]);

        // Assert
        Assert.Null(scan);
    }

    [Theory]
    [InlineData("Orders%~1.sql", "Orders.sql")]
    [InlineData("Sales%~1f", "Sales")]
    [InlineData("plain.sql", "plain.sql")]
    [InlineData("odd%~zz.sql", "odd%~zz.sql")]
    [InlineData("%~.sql", "%~.sql")]
    public void The_case_suffix_is_stripped_from_names_found_on_disk(string name, string stripped)
    {
        Assert.Equal(stripped, MirrorCaseSuffix.Strip(name));
    }
}
