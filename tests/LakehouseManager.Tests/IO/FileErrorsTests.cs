using LakehouseManager.IO;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.IO;

public sealed class FileErrorsTests
{
    [LinuxFact(Timeout = 30_000)]
    public async Task A_full_disk_is_named_in_plain_words_with_the_path_and_the_operation()
    {
        // Arrange: Linux's /dev/full fails every write with ENOSPC, as a full disk does.
        Exception? cause = null;
        try
        {
            await using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            await full.WriteAsync(new byte[16]);
            await full.FlushAsync();
        }
        catch (IOException exception)
        {
            cause = exception;
        }

        // Act
        var error = FileErrors.Write("/repo/views/shop/orders.sql", cause!, "The checkout is as the last sync left it.");

        // Assert
        Assert.Equal(
            "Could not write '/repo/views/shop/orders.sql': the disk is full. The checkout is as the last sync left it.",
            error.Message);
    }
}
