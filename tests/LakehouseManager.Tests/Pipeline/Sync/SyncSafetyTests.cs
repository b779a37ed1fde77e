using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

public sealed class SyncSafetyTests
{
    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 1, true)]
    [InlineData(5, 5, true)]
    [InlineData(4, 5, false)]
    [InlineData(19, 20, false)]
    [InlineData(10, 21, false)]
    [InlineData(11, 21, true)]
    [InlineData(500, 1000, false)]
    [InlineData(501, 1000, true)]
    public void The_default_limit_refuses_all_of_a_mirror_and_more_than_half_of_one_of_more_than_twenty_files(
        int removed, int files, bool exceeded)
    {
        Assert.Equal(exceeded, MassDeleteLimit.Default.IsExceeded(removed, files));
    }

    [Fact]
    public void The_limit_is_configurable()
    {
        var strict = new MassDeleteLimit(0.1, 5);

        Assert.True(strict.IsExceeded(2, 10));
        Assert.False(strict.IsExceeded(1, 10));
    }

    [Fact]
    public void Foreign_files_stop_only_a_sync_without_a_watermark_and_only_without_adopt_existing()
    {
        // Arrange
        var bootstrap = new CatalogDelta("main", "", null, "ffff0000", null, null, [], [], [], []) { Foreign = ["m/1.sql"] };
        var incremental = bootstrap with { FromHash = "eeee0000", WatermarkCommit = "abcd" };
        var settings = new SyncSettings("main");

        // Act
        var refused = Record.Exception(() => SyncSafety.EnsureNoForeignFiles(bootstrap, settings));
        var adopted = Record.Exception(() => SyncSafety.EnsureNoForeignFiles(bootstrap, settings with { AdoptExisting = true }));
        var later = Record.Exception(() => SyncSafety.EnsureNoForeignFiles(incremental, settings));

        // Assert
        Assert.Contains("m/1.sql", Assert.IsType<LakehouseException>(refused).Message, StringComparison.Ordinal);
        Assert.Null(adopted);
        Assert.Null(later);
    }
}
