using LakehouseManager.Mirror.Git;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Kill;

/// <summary>
/// Every kill converges (issue 8, item 4): a real sync process on a mirror of <see cref="KillWorld.Views"/> views is
/// killed with SIGKILL at each git step (the fetch, the switch, the reset to the remote, the index write, the commit,
/// the push: before the command, holding its lock, and in the middle of it) and at random times; with git dying too
/// (the process group, as a CI timeout does) or left running as an orphan. Each time the re-run ends where an
/// uninterrupted run ends (the same tree on the remote, one mirror commit), VerifyMirror passes, and nobody has to
/// clean anything by hand.
/// </summary>
[Trait("Category", "Kill")]
public sealed class SyncKillTests(KillWorld world) : IClassFixture<KillWorld>
{
    /// <summary>The kill points; the README gives their number and the category's run time.</summary>
    public static TheoryData<KillPoint> Points()
    {
        var points = new TheoryData<KillPoint>();
        foreach (var command in (string[])["fetch", "switch", "reset", "add", "commit", "push"])
        {
            points.Add(new KillPoint($"{command}, before it starts", command, "before", TimeSpan.Zero));
            points.Add(new KillPoint($"{command}, at its start", command, "during", TimeSpan.Zero));
            points.Add(new KillPoint($"{command}, 15 ms into it", command, "during", TimeSpan.FromMilliseconds(15)));
        }

        foreach (var command in (string[])["switch", "reset", "add", "commit"])
        {
            points.Add(new KillPoint($"{command}, holding index.lock", command, "lock", TimeSpan.Zero));
        }

        foreach (var command in (string[])["switch", "add", "push"])
        {
            points.Add(new KillPoint($"{command}, the sync alone (git runs on)", command, "during", TimeSpan.FromMilliseconds(5), WholeGroup: false));
        }

        var random = new Random(20260801);
        for (var i = 0; i < 8; i++)
        {
            var share = 0.1 + (0.85 * random.NextDouble());
            points.Add(new KillPoint($"random, at {share:P0} of a sync", null, "during", TimeSpan.Zero) { Share = share });
        }

        return points;
    }

    [LinuxTheory(Timeout = 180_000)]
    [MemberData(nameof(Points))]
    public async Task A_sync_killed_at_any_point_and_run_again_ends_where_an_uninterrupted_sync_ends(KillPoint point)
    {
        // Arrange
        using var folder = new TempDirectory("lhm-kill-point");
        var copy = await world.CopyAsync(folder.Path);
        var kill = point.Share is { } share ? point with { Delay = world.ReferenceDuration * share } : point;

        // Act
        var killedInTime = await KillHarness.RunAndKillAsync(copy, kill, CancellationToken.None);
        var (rerun, agrees) = await copy.RerunAsync();

        // Assert
        Assert.True(killedInTime || point.Mode == "during", "The kill came after the sync had ended.");
        Assert.True(agrees, "VerifyMirror found drift after the re-run.");
        Assert.Equal(world.ReferenceTree, await copy.RemoteTreeAsync());
        var remote = new GitRepository(copy.Remote);
        var commits = await remote.History.ListCommitsAsync(world.StartCommit, "dev");
        Assert.Equal([true], commits.Select(c => c.IsMirrorCommit));
        var checkout = new GitRepository(copy.Checkout);
        Assert.Equal("dev", await checkout.WorkTree.GetCurrentBranchAsync());
        Assert.Equal(await remote.History.RevParseAsync("dev"), await checkout.History.RevParseAsync("HEAD"));
        Assert.True(await checkout.WorkTree.IsCleanAsync());
        var gitDirectory = await checkout.GetGitDirectoryAsync();
        Assert.Empty(GitLockFiles.Find(gitDirectory));
        Assert.False(new SyncJournal(gitDirectory).Exists);
        Assert.NotEqual(PushState.NoRemote, rerun.Push);
    }
}
