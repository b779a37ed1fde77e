using LakehouseManager.Pipeline.Sync;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Sync;

/// <summary>A sync interrupted at any step (a crash, a kill) and run again reaches the same state as one clean run.</summary>
public sealed class SyncMirrorRecoveryTests
{
    public static TheoryData<SyncStep, int> Interruptions()
    {
        var data = new TheoryData<SyncStep, int>();
        foreach (var step in Enum.GetValues<SyncStep>().Where(s => s != SyncStep.PushRejected))
        {
            data.Add(step, 1);
        }

        data.Add(SyncStep.FileWritten, 2);
        return data;
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Interruptions))]
    public async Task A_sync_interrupted_at_a_step_and_run_again_ends_as_one_uninterrupted_sync(SyncStep step, int occurrence)
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync("views");
        await fixture.CreateViewAsync("main", "shop.keep");
        await fixture.CreateViewAsync("main", "shop.change");
        await fixture.CreateViewAsync("main", "shop.drop");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.change", "SELECT amount FROM shop.raw.orders");
        await fixture.ExecAsync("main", "DROP VIEW shop.drop");
        await fixture.CreateViewAsync("main", "shop.new1");
        var head = await fixture.CreateViewAsync("main", "shop.new2", "SELECT 2 AS two");
        var seen = 0;
        var interrupted = fixture.NewSync(hook: (s, _) =>
            s == step && ++seen == occurrence ? throw new SimulatedCrash(s) : Task.CompletedTask);

        // Act
        await Assert.ThrowsAsync<SimulatedCrash>(() => interrupted.SyncAsync());
        var rerun = await fixture.NewSync().SyncAsync();

        // Assert
        Assert.Equal(await fixture.ExpectedMirrorAsync("main"), await fixture.RemoteMirrorAsync("main"));
        Assert.Equal(head, (await fixture.Remote.History.FindWatermarkAsync("main"))!.CatalogHash);
        Assert.Equal(2, (await fixture.RemoteCommitsAsync("main")).Count(c => c.IsMirrorCommit));
        Assert.True(await fixture.Checkout.WorkTree.IsCleanAsync());
        Assert.Equal(await fixture.Remote.History.RevParseAsync("main"), await fixture.Checkout.History.RevParseAsync("HEAD"));
        Assert.Empty(rerun.Delta.GitEdits);
    }

    [Fact(Timeout = 60_000)]
    public async Task Uncommitted_changes_that_are_not_the_syncs_own_are_refused_and_left_as_they_are()
    {
        // Arrange
        await using var fixture = await SyncFixture.CreateAsync();
        await fixture.CreateViewAsync("main", "shop.a");
        await fixture.NewSync().SyncAsync();
        await fixture.CreateViewAsync("main", "shop.b");
        File.WriteAllText(Path.Combine(fixture.Checkout.Directory, "shop", "a.sql"), "SELECT 'work in progress'\n");

        // Act
        var error = await Assert.ThrowsAsync<LakehouseException>(() => fixture.NewSync().SyncAsync());

        // Assert
        Assert.Contains("uncommitted changes (1 file(s): shop/a.sql)", error.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT 'work in progress'\n", File.ReadAllText(Path.Combine(fixture.Checkout.Directory, "shop", "a.sql")));
    }

    private sealed class SimulatedCrash(SyncStep step) : Exception($"Simulated crash at {step}");
}
