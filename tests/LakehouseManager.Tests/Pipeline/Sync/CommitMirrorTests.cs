using LakehouseManager.Composition;
using LakehouseManager.Pipeline;
using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>CommitMirror on its own: it reads the delta file FetchCatalogDelta wrote, in another pipeline (another job).</summary>
public sealed class CommitMirrorTests
{
    private static LakehousePipeline Pipeline(SyncFixture fixture, string artifacts) =>
        new(new Lakehouse(new LakehouseSettings
        {
            CatalogPath = fixture.Catalog.Path,
            RepoPath = fixture.Checkout.Directory,
            MirrorPath = fixture.MirrorPath,
            ArtifactsDirectory = artifacts,
            Git = fixture.Sandbox.Options,
        }));

    [Fact(Timeout = 60_000)]
    public async Task CommitMirror_commits_the_delta_file_that_another_pipeline_wrote()
    {
        await using var fixture = await SyncFixture.CreateAsync("views");
        var artifacts = fixture.Sandbox.Combine("artifacts");
        await fixture.CreateViewAsync("main", "shop.a");
        var head = await fixture.CreateViewAsync("main", "shop.b");

        var delta = await Pipeline(fixture, artifacts).FetchCatalogDeltaAsync("main");
        var outcome = await Pipeline(fixture, artifacts).CommitMirrorAsync("main");

        Assert.Equal(2, delta.Count(MirrorChangeKind.Added));
        Assert.Equal(delta, outcome.Delta, DeltaComparer.Instance);
        Assert.NotNull(outcome.Commit);
        Assert.Equal(head, (await fixture.Remote.History.FindWatermarkAsync("main"))!.CatalogHash);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_delta_whose_watermark_is_no_longer_the_branchs_latest_is_refused_and_nothing_is_written()
    {
        await using var fixture = await SyncFixture.CreateAsync("views");
        var artifacts = fixture.Sandbox.Combine("artifacts");
        await fixture.CreateViewAsync("main", "shop.a");
        await Pipeline(fixture, artifacts).FetchCatalogDeltaAsync("main");

        // Another sync commits meanwhile (another job, with its own artifacts).
        await fixture.CreateViewAsync("main", "shop.b");
        var other = await Pipeline(fixture, fixture.Sandbox.Combine("other-artifacts")).SyncAsync("main");
        var remoteBefore = await fixture.Remote.History.RevParseAsync("main");

        var error = await Assert.ThrowsAsync<LakehouseException>(() => Pipeline(fixture, artifacts).CommitMirrorAsync("main"));

        Assert.StartsWith("The delta is stale: it was computed from no watermark (a first sync), but git branch 'main' is now at " +
            $"mirror commit {other.Commit![..12]}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run FetchCatalogDelta again", error.Message, StringComparison.Ordinal);
        Assert.Equal(remoteBefore, await fixture.Remote.History.RevParseAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_catalog_commit_made_between_FetchCatalogDelta_and_CommitMirror_is_picked_up_by_the_next_sync()
    {
        await using var fixture = await SyncFixture.CreateAsync("views");
        var artifacts = fixture.Sandbox.Combine("artifacts");
        var fetched = await fixture.CreateViewAsync("main", "shop.a");
        await Pipeline(fixture, artifacts).FetchCatalogDeltaAsync("main");
        await fixture.CreateViewAsync("main", "shop.late");

        var committed = await Pipeline(fixture, artifacts).CommitMirrorAsync("main");
        var watermark = (await fixture.Remote.History.FindWatermarkAsync("main"))!;
        var afterCommit = await fixture.RemoteMirrorAsync("main");
        var next = await Pipeline(fixture, artifacts).SyncAsync("main");

        Assert.NotNull(committed.Commit);
        Assert.Equal(fetched, watermark.CatalogHash);
        Assert.Equal(["views/shop/a.sql"], afterCommit.Keys.Select(k => "views/" + k));
        Assert.Equal(["shop.late"], next.Delta.Changes.Select(c => c.Key.ToString()));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task CommitMirror_without_a_delta_file_says_to_run_FetchCatalogDelta_first()
    {
        await using var fixture = await SyncFixture.CreateAsync("views");

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => Pipeline(fixture, fixture.Sandbox.Combine("empty-artifacts")).CommitMirrorAsync("main"));

        Assert.Contains("run FetchCatalogDelta for 'main' first", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_delta_file_that_is_not_a_delta_is_refused_with_its_path()
    {
        await using var fixture = await SyncFixture.CreateAsync("views");
        var artifacts = fixture.Sandbox.Combine("artifacts");
        Directory.CreateDirectory(artifacts);
        var file = Path.Combine(artifacts, "catalog-delta.json");
        await File.WriteAllTextAsync(file, "{\"format\": 99}");

        var error = await Assert.ThrowsAsync<LakehouseException>(() => Pipeline(fixture, artifacts).CommitMirrorAsync("main"));

        Assert.Contains($"The delta file '{file}' is not a delta that FetchCatalogDelta wrote", error.Message, StringComparison.Ordinal);
        Assert.Contains("format is 99", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Deltas compare by their content (records of lists compare lists by reference).</summary>
    private sealed class DeltaComparer : IEqualityComparer<CatalogDelta>
    {
        public static DeltaComparer Instance { get; } = new();

        public bool Equals(CatalogDelta? x, CatalogDelta? y) =>
            x is not null && y is not null && CatalogDeltaJson.Write(x) == CatalogDeltaJson.Write(y);

        public int GetHashCode(CatalogDelta obj) => CatalogDeltaJson.Write(obj).GetHashCode(StringComparison.Ordinal);
    }
}
