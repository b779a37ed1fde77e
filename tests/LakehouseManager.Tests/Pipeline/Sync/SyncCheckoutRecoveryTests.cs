using System.Diagnostics;
using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>
/// What a killed or failed git leaves in the checkout (issue 8, items 4 and 5): a half-finished switch, a stale
/// <c>index.lock</c>, a file git had no permission to replace. The next sync finishes or undoes it and converges,
/// never blaming the user's "uncommitted changes". Real kills of a real sync process are in Kill/SyncKillTests.
/// </summary>
public sealed class SyncCheckoutRecoveryTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_switch_killed_halfway_with_its_index_lock_left_behind_is_undone_and_the_sync_converges()
    {
        // Arrange: what a killed 'git switch dev' leaves, under the mark the sync wrote before it.
        await using var fixture = await TwoBranchesAsync();
        var gitDirectory = await fixture.Checkout.GetGitDirectoryAsync();
        var dev = await fixture.Checkout.History.RevParseAsync("dev");
        new SyncJournal(gitDirectory).Write("dev", SyncPhase.Switch, "switching from main to dev", dev);
        GitSandbox.WriteFile(fixture.Checkout, "views/shop/a.sql", "SELECT 2 AS changed\n");
        GitSandbox.WriteFile(fixture.Checkout, "views/shop/d.sql", "SELECT id FROM shop.raw.orders\n");
        GitSandbox.WriteFile(fixture.Checkout, "README.md", "dev's readme\n");
        File.WriteAllText(Path.Combine(gitDirectory, "index.lock"), "");
        await fixture.CreateViewAsync("dev", "shop.e");

        // Act
        var outcome = await fixture.NewSync("dev").SyncAsync();

        // Assert
        Assert.Equal(await fixture.ExpectedMirrorAsync("dev"), await fixture.RemoteMirrorAsync("dev"));
        Assert.Equal(["views/shop/e.sql"], outcome.Delta.Changes.Select(c => $"views/{c.Path}"));
        Assert.Equal("dev's readme\n"u8.ToArray(), await fixture.Remote.Objects.ReadFileAsync("dev", "README.md"));
        Assert.Equal("dev", await fixture.Checkout.WorkTree.GetCurrentBranchAsync());
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
        Assert.False(File.Exists(Path.Combine(gitDirectory, "index.lock")));
        Assert.False(new SyncJournal(gitDirectory).Exists);
    }

    [LinuxFact(Timeout = 60_000)]
    public async Task A_lock_a_running_git_holds_is_never_removed_and_is_removed_once_that_git_is_gone()
    {
        // Arrange: a process named like git works in the checkout, and the index is locked.
        await using var fixture = await TwoBranchesAsync();
        var gitDirectory = await fixture.Checkout.GetGitDirectoryAsync();
        var lockFile = Path.Combine(gitDirectory, "index.lock");
        File.WriteAllText(lockFile, "");
        using var holder = StartGitNamedProcess(fixture);

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => fixture.NewSync("dev", configure: s => s with { GitProcessWait = TimeSpan.Zero }).SyncAsync());
        var lockedWhileRunning = File.Exists(lockFile);
        holder.Kill();
        await holder.WaitForExitAsync();
        var outcome = await fixture.NewSync("dev").SyncAsync();

        // Assert
        Assert.Contains($"(process {holder.Id}) is working in {fixture.Checkout.Directory} and holds index.lock", error.Message, StringComparison.Ordinal);
        Assert.True(lockedWhileRunning);
        Assert.False(File.Exists(lockFile));
        Assert.Equal(await fixture.ExpectedMirrorAsync("dev"), await fixture.RemoteMirrorAsync("dev"));
        Assert.Null(outcome.Commit);
    }

    [UnwritableFact(Timeout = 60_000)]
    public async Task A_file_the_switch_may_not_replace_names_the_path_and_the_state_and_the_next_run_finishes_the_switch()
    {
        // Arrange
        await using var fixture = await TwoBranchesAsync();
        var file = Path.Combine(fixture.Checkout.Directory, "views", "shop", "a.sql");
        LakehouseException failed;
        LakehouseException stillFailing;

        // Act
        using (await UnwritableFile.LockAsync(file))
        {
            failed = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync("dev").SyncAsync());
            stillFailing = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync("dev").SyncAsync());
        }

        var outcome = await fixture.NewSync("dev").SyncAsync();

        // Assert
        Assert.Contains("Switching the checkout to branch dev failed: git switch dev failed", failed.Message, StringComparison.Ordinal);
        Assert.Contains("views/shop/a.sql", failed.Message, StringComparison.Ordinal);
        Assert.Contains("is left half switched from main to dev", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("commit or stash", failed.Message, StringComparison.Ordinal);
        Assert.Contains("half switched to another branch, and undoing it failed", stillFailing.Message, StringComparison.Ordinal);
        Assert.Contains("views/shop/a.sql", stillFailing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("commit or stash", stillFailing.Message, StringComparison.Ordinal);
        Assert.Null(outcome.Commit);
        Assert.Equal(await fixture.ExpectedMirrorAsync("dev"), await fixture.RemoteMirrorAsync("dev"));
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
        Assert.Equal("SELECT 2 AS changed\n", File.ReadAllText(file));
    }

    [UnwritableFact(Timeout = 60_000)]
    public async Task A_mirror_file_the_sync_may_not_write_names_the_path_and_says_the_next_run_starts_again()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.a", "SELECT 'changed'");
        var file = Path.Combine(fixture.Checkout.Directory, "views", "shop", "a.sql");
        LakehouseException failed;

        // Act
        using (await UnwritableFile.LockAsync(file))
        {
            failed = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());
        }

        var outcome = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.StartsWith("Could not write '", failed.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("views", "shop"), failed.Message, StringComparison.Ordinal);
        Assert.Contains("holds this sync's half-written mirror files", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(outcome.Commit);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    /// <summary>Branches main and dev mirrored (dev with a changed and an added view, and its own README), the checkout on main.</summary>
    private static async Task<SyncFixture> TwoBranchesAsync()
    {
        var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");
        await fixture.CreateViewAsync("main", "shop.c");
        await fixture.NewSync().SyncAsync();
        await fixture.ExecAsync("main", "CREATE BRANCH dev");
        await fixture.CreateViewAsync("dev", "shop.a", "SELECT 2 AS changed");
        await fixture.CreateViewAsync("dev", "shop.d");
        await fixture.NewSync("dev").SyncAsync();
        await GitSandbox.CommitFileAsync(fixture.Checkout, "README.md", "dev's readme\n", "A readme on dev");
        await fixture.Checkout.Remotes.PushAsync("origin", "dev");
        await fixture.Checkout.WorkTree.CheckoutAsync("main");
        return fixture;
    }

    /// <summary>A process whose name starts with "git" working in the checkout (a copy of sleep), as a live git is.</summary>
    private static Process StartGitNamedProcess(SyncFixture fixture)
    {
        var sleep = File.Exists("/bin/sleep") ? "/bin/sleep" : "/usr/bin/sleep";
        var copy = fixture.Sandbox.Combine("git-lhm-holder");
        File.Copy(sleep, copy);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return Process.Start(new ProcessStartInfo(copy, "60") { WorkingDirectory = fixture.Checkout.Directory })!;
    }
}
