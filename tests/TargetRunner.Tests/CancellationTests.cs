using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class CancellationTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_aborts_the_running_target_skips_the_rest_runs_assured_targets_and_still_prints_the_summary()
    {
        using var cancellation = new CancellationTokenSource();
        var run = _harness.RunAsync<LongBuild>(["Later", "Cleanup"], [], cancellation.Token);
        await _harness.State.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancellation.CancelAsync();
        var result = await run;

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(["First", "Long", "Cleanup (token cancelled: False)"], result.Events);
        Assert.Contains("Long               Aborted", result.SummaryTable);
        Assert.Contains("Later              NotRun", result.SummaryTable);
        Assert.Contains("Cleanup            Succeeded", result.SummaryTable);
        Assert.Contains("[WRN] Cancellation requested: target Long was aborted; the remaining targets will not run.", result.Output);
        Assert.Contains("Build failed on", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_run_cancelled_before_it_starts_runs_nothing_and_fails()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await _harness.RunAsync<LongBuild>(["Later"], [], cancellation.Token);

        Assert.Equal(-1, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Contains("First              NotRun", result.SummaryTable);
        Assert.Contains("[WRN] Cancellation requested: the remaining targets will not run.", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class LongBuild : NukeBuild
    {
        private Target First => _ => _.Executes(() => Ambient.Record("First"));

        private Target Long => _ => _.DependsOn(First).Executes(async cancellationToken =>
        {
            Ambient.Record("Long");
            Ambient.State.Started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });

        private Target Later => _ => _.DependsOn(Long).Executes(() => Ambient.Record("Later"));

        private Target Cleanup => _ => _
            .After(Later)
            .AssuredAfterFailure()
            .Executes(cancellationToken =>
            {
                Ambient.Record($"Cleanup (token cancelled: {cancellationToken.IsCancellationRequested})");
                return Task.CompletedTask;
            });
    }
}
