using LakehouseManager.Catalog;
using Xunit;

namespace LakehouseManager.Tests.Catalog;

public sealed class UnavailableCatalogTests
{
    [Fact]
    public async Task Every_call_fails_with_the_reason_the_adapter_is_missing()
    {
        // Arrange
        var catalog = new UnavailableCatalog("--catalog Nessie cannot sync in this version");

        // Act
        var errors = new[]
        {
            await Assert.ThrowsAsync<LakehouseException>(() => catalog.FindBranchAsync("main")),
            await Assert.ThrowsAsync<LakehouseException>(() => catalog.DiffAsync("a", "b", null, 10)),
            await Assert.ThrowsAsync<LakehouseException>(() => catalog.MergeAsync("dev", "a", "main", "b", dryRun: true)),
        };

        // Assert
        Assert.All(errors, e => Assert.Equal("--catalog Nessie cannot sync in this version", e.Message));
    }
}
