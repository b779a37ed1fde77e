using LakehouseManager.Composition;
using LakehouseManager.Pipeline;
using LakehouseManager.Tests.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Safety;

public sealed class RedactedDeltaTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_view_quoting_a_secret_is_masked_in_the_delta_file_and_CommitMirror_still_writes_the_true_sql()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT 'tok3n-secret' AS t");
        var artifacts = fixture.Sandbox.Combine("artifacts");
        await using var lakehouse = new Lakehouse(new LakehouseSettings
        {
            CatalogPath = fixture.Catalog.Path,
            RepoPath = fixture.Checkout.Directory,
            MirrorPath = "views",
            ArtifactsDirectory = artifacts,
            DremioPat = "tok3n-secret",
        });
        var pipeline = new LakehousePipeline(lakehouse);

        // Act
        await pipeline.FetchCatalogDeltaAsync("main");
        var file = await File.ReadAllTextAsync(pipeline.DeltaFile);
        var outcome = await pipeline.CommitMirrorAsync("main");

        // Assert
        Assert.DoesNotContain("tok3n-secret", file, StringComparison.Ordinal);
        Assert.Contains("\"redacted\": true", file, StringComparison.Ordinal);
        Assert.Contains("SELECT '***' AS t", file, StringComparison.Ordinal);
        Assert.NotNull(outcome.Commit);
        Assert.Equal("SELECT 'tok3n-secret' AS t", (await fixture.RemoteMirrorAsync("main"))["shop/a.sql"]);
    }
}
