using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// FetchCatalogDelta and CommitMirror as separate jobs would run them (CodeBuild chains them): two processes of the
/// real build, passing the delta through the artifacts folder, and a stale delta refused.
/// </summary>
public sealed class CommitMirrorProcessTests
{
    [Fact(Timeout = 300_000)]
    public async Task FetchCatalogDelta_and_CommitMirror_in_separate_processes_sync_and_a_stale_delta_is_refused()
    {
        // Arrange: a catalog with two views, an empty mirror with its remote.
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        var artifacts = fixture.Sandbox.Combine("job-artifacts");
        string[] common =
        [
            "--catalog-path", fixture.Catalog.Path, "--repo-path", fixture.Checkout.Directory, "--mirror-path", "views",
            "--to-ref", "main", "--artifacts-path", artifacts,
        ];

        // Act 1: one job fetches, the next one commits.
        var fetch = await BuildProcess.RunAsync(["FetchCatalogDelta", .. common]);
        var remoteAfterFetch = await fixture.Remote.History.RevParseAsync("main");
        var commit = await BuildProcess.RunAsync(["CommitMirror", .. common]);

        // Act 2: a delta fetched, then another sync commits, then the old delta is committed.
        await fixture.CreateViewAsync("main", "shop.c");
        var staleFetch = await BuildProcess.RunAsync(["FetchCatalogDelta", .. common]);
        await fixture.CreateViewAsync("main", "shop.d");
        var otherSync = await BuildProcess.RunAsync(["Sync", .. common[..^2], "--artifacts-path", fixture.Sandbox.Combine("other-job")]);
        var remoteBeforeStale = await fixture.Remote.History.RevParseAsync("main");
        var stale = await BuildProcess.RunAsync(["CommitMirror", .. common]);

        // Assert
        Assert.True(fetch.ExitCode == 0, fetch.StandardOutput + fetch.StandardError);
        Assert.True(File.Exists(Path.Combine(artifacts, "catalog-delta.json")));
        Assert.Equal(fixture.SeedCommit, remoteAfterFetch);
        Assert.True(commit.ExitCode == 0, commit.StandardOutput + commit.StandardError);
        Assert.Contains("Read the delta of catalog branch main", commit.StandardOutput, StringComparison.Ordinal);
        Assert.True(staleFetch.ExitCode == 0 && otherSync.ExitCode == 0, staleFetch.StandardOutput + otherSync.StandardOutput);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("The delta is stale", stale.StandardOutput + stale.StandardError, StringComparison.Ordinal);
        Assert.Equal(remoteBeforeStale, await fixture.Remote.History.RevParseAsync("main"));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }
}
