using LakehouseManager.Pipeline.Sync;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>Syncs racing each other, or a human, on the same branch.</summary>
public sealed class SyncMirrorConcurrencyTests
{
    [Fact(Timeout = 60_000)]
    public async Task Two_syncs_of_one_checkout_at_once_end_in_the_state_of_one_sync()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.CreateViewAsync("main", "shop.b");

        // Act
        var outcomes = await Task.WhenAll(fixture.NewSync().SyncAsync(), fixture.NewSync().SyncAsync());

        // Assert
        Assert.Single(outcomes, o => o.Commit is not null);
        Assert.Single(await fixture.RemoteCommitsAsync("main"));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_syncs_in_two_clones_at_once_end_in_the_state_of_one_sync()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var other = await fixture.CloneAsync("other");

        // Act
        await Task.WhenAll(fixture.NewSync().SyncAsync(), fixture.NewSync(checkout: other).SyncAsync());

        // Assert
        Assert.Single(await fixture.RemoteCommitsAsync("main"));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_rejected_because_another_sync_pushed_first_is_done_again_on_top_of_it()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var other = await fixture.CloneAsync("other");
        var raced = false;
        var slow = fixture.NewSync(hook: async (step, ct) =>
        {
            if (step == SyncStep.Committed && !raced)
            {
                raced = true;
                await fixture.CreateViewAsync("main", "shop.b");
                await fixture.NewSync(checkout: other).SyncAsync(ct);
            }
        });

        // Act
        var outcome = await slow.SyncAsync();

        // Assert
        Assert.Equal(PushState.UpToDate, outcome.Push);
        Assert.Null(outcome.Commit);
        Assert.Single(await fixture.RemoteCommitsAsync("main"));
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.Equal(await fixture.Remote.History.RevParseAsync("main"), await fixture.Checkout.History.RevParseAsync("HEAD"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_race_with_a_human_edit_of_the_same_file_reports_the_conflict_and_keeps_the_edit()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        var human = await fixture.CloneAsync("human");
        await fixture.CreateViewAsync("main", "shop.a", "SELECT amount FROM shop.raw.orders");
        var raced = false;
        var sync = fixture.NewSync(hook: async (step, _) =>
        {
            if (step == SyncStep.Committed && !raced)
            {
                raced = true;
                await GitSandbox.CommitFileAsync(human, "shop/a.sql", "SELECT 'by hand'\n", "Hand edit");
                Assert.True((await human.Remotes.PushAsync("origin", "main")).IsPushed);
            }
        });

        // Act
        var outcome = await sync.SyncAsync();

        // Assert
        var edit = Assert.Single(outcome.Delta.GitEdits);
        Assert.Equal((GitEditKind.ConflictsWithCatalog, GitEditResolution.Kept), (edit.Kind, edit.Resolution));
        Assert.Equal("SELECT 'by hand'", (await fixture.RemoteMirrorAsync("main"))["shop/a.sql"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_remote_that_keeps_moving_fails_the_sync_clearly_and_the_next_run_pushes_the_kept_commit()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var other = await fixture.CloneAsync("other");
        var pushes = 0;
        var sync = fixture.NewSync(maxPushAttempts: 3, hook: async (step, _) =>
        {
            if (step == SyncStep.JournalCleared)
            {
                await other.Remotes.FetchAsync("origin", "main");
                await other.WorkTree.ResetHardAsync("origin/main");
                await GitSandbox.CommitFileAsync(other, "README.md", $"moved {++pushes}\n", "Unrelated change");
                Assert.True((await other.Remotes.PushAsync("origin", "main")).IsPushed);
            }
        });

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => sync.SyncAsync());
        var rerun = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Contains("was rejected 3 times because the remote kept moving", error.Message, StringComparison.Ordinal);
        Assert.Equal(PushState.Pushed, rerun.Push);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.Single(await fixture.RemoteCommitsAsync("main"), c => c.IsMirrorCommit);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_push_the_remote_refuses_is_a_clear_error_and_the_commit_is_pushed_by_the_next_run()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        var hook = Path.Combine(fixture.Remote.Directory, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'pushes are frozen' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Act
        var error = await Assert.ThrowsAnyAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());
        File.Delete(hook);
        var rerun = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Contains("pushes are frozen", error.Message, StringComparison.Ordinal);
        Assert.Null(rerun.Commit);
        Assert.Equal(PushState.Pushed, rerun.Push);
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
    }
}
