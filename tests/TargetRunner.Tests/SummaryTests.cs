using System.Text.RegularExpressions;
using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed partial class SummaryTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task A_failed_build_prints_the_summary_table_in_Nukes_shape_and_exits_with_minus_one()
    {
        var result = await _harness.RunAsync<TimedBuild>("Pack");

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(ExpectedFile.Read("summary-failed.txt"), result.SummaryTable);
        Assert.Matches(FailedOutcome(), result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Errors_and_warnings_are_repeated_with_their_target_before_the_summary()
    {
        var result = await _harness.RunAsync<TimedBuild>("Pack");

        var block = result.Output[result.Output.IndexOf("Errors & Warnings", StringComparison.Ordinal)..];
        Assert.Contains("[WRN] Compile: version is a pre-release", block);
        Assert.Contains("[ERR] Test: Target Test failed: tests failed", block);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_successful_build_exits_with_zero_and_omits_collective_targets()
    {
        var result = await _harness.RunAsync<TimedBuild>("All");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(SucceededOutcome(), result.Output);
        Assert.DoesNotContain("All ", result.SummaryTable);
        Assert.Contains("Restore            Succeeded       0:16", result.SummaryTable);
        Assert.Contains("Quick              Succeeded     < 1sec", result.SummaryTable);
    }

    [Fact(Timeout = 60_000)]
    public async Task Each_target_is_introduced_by_a_block_header_on_a_terminal()
    {
        var result = await _harness.RunAsync<TimedBuild>("Quick");

        Assert.Contains("╬════════\n║ Quick\n╬═══\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Matches(LogLine(), result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProceedAfterFailure_lets_other_targets_run_but_not_the_failed_targets_dependents_and_the_build_fails()
    {
        var result = await _harness.RunAsync<FailureBuild>("Dependent", "Independent");

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(["Flaky", "Independent"], result.Events);
        Assert.Contains("Dependent          NotRun", result.SummaryTable);
    }

    [Fact(Timeout = 60_000)]
    public async Task After_a_failure_the_rest_is_not_run_except_targets_assured_after_failure()
    {
        var result = await _harness.RunAsync<FailureBuild>("Broken", "Later", "Cleanup");

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(["Broken", "Cleanup"], result.Events);
        Assert.Contains("Later              NotRun", result.SummaryTable);
        Assert.Contains("Broken             Failed        < 1sec   // broken on purpose", result.SummaryTable);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_build_can_set_its_own_exit_code()
    {
        var result = await _harness.RunAsync<FailureBuild>("Custom");

        Assert.Equal(3, result.ExitCode);
    }

    public void Dispose() => _harness.Dispose();

    [GeneratedRegex(@"\nBuild failed on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\. ")]
    private static partial Regex FailedOutcome();

    [GeneratedRegex(@"\nBuild succeeded on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\. ")]
    private static partial Regex SucceededOutcome();

    [GeneratedRegex(@"\d\d:\d\d:\d\d \[INF\] quick work")]
    private static partial Regex LogLine();

    private sealed class TimedBuild : NukeBuild
    {
        private Target Restore => _ => _.Executes(() => Ambient.Clock.Advance(TimeSpan.FromSeconds(16)));

        private Target Compile => _ => _.DependsOn(Restore).Executes(() =>
        {
            Ambient.Clock.Advance(TimeSpan.FromSeconds(59));
            Log.Warning("version is a pre-release");
            ReportSummary(_ => _.AddPair("Version", "5.3.0-alpha.35"));
        });

        private Target Test => _ => _.DependsOn(Compile).Executes(() =>
        {
            Ambient.Clock.Advance(TimeSpan.FromSeconds(41));
            throw new InvalidOperationException("tests failed\nsee the report");
        });

        private Target Pack => _ => _.DependsOn(Test).Executes(() => Ambient.Record("Pack"));

        private Target Quick => _ => _.Executes(() => Log.Information("quick work"));

        private Target All => _ => _.DependsOn(Compile, Quick);
    }

    private sealed class FailureBuild : NukeBuild
    {
        private Target Flaky => _ => _.ProceedAfterFailure().Executes(() =>
        {
            Ambient.Record("Flaky");
            throw new InvalidOperationException("flaky");
        });

        private Target Dependent => _ => _.DependsOn(Flaky).Executes(() => Ambient.Record("Dependent"));

        private Target Independent => _ => _.After(Dependent).Executes(() => Ambient.Record("Independent"));

        private Target Broken => _ => _.Executes(() =>
        {
            Ambient.Record("Broken");
            throw new BuildException("broken on purpose");
        });

        private Target Later => _ => _.After(Broken).Executes(() => Ambient.Record("Later"));

        private Target Cleanup => _ => _.After(Later).AssuredAfterFailure().Executes(() => Ambient.Record("Cleanup"));

        private Target Custom => _ => _.Executes(() => ExitCode = 3);
    }
}
