using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class PlanningTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task Dependencies_run_before_the_targets_that_depend_on_them()
    {
        var result = await _harness.RunAsync<OrderBuild>("Test");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task After_orders_two_scheduled_targets_but_does_not_pull_one_in()
    {
        var alone = await _harness.RunAsync<OrderBuild>("Pack");
        var both = await _harness.RunAsync<OrderBuild>("Pack", "Test");

        Assert.DoesNotContain("Test", alone.Events);
        Assert.True(both.Events.IndexOf("Test") < both.Events.IndexOf("Pack"), string.Join(",", both.Events));
    }

    [Fact(Timeout = 60_000)]
    public async Task Before_puts_a_target_ahead_of_another_scheduled_target()
    {
        var result = await _harness.RunAsync<OrderBuild>("Compile", "Clean");

        Assert.Equal(["Clean", "Restore", "Compile"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task Triggers_and_TriggeredBy_schedule_targets_after_their_trigger()
    {
        var result = await _harness.RunAsync<OrderBuild>("Pack");

        Assert.Equal(["Restore", "Compile", "Pack", "Announce"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task Target_names_ignore_case_and_dashes_and_accept_plus_as_a_separator()
    {
        var positional = await _harness.RunAsync<OrderBuild>("re-store+COMPILE");
        var named = await _harness.RunAsync<OrderBuild>("--target", "compile", "--no-logo");

        Assert.Equal(["Restore", "Compile"], positional.Events);
        Assert.Equal(["Restore", "Compile"], named.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task Unrelated_invoked_targets_run_in_the_order_they_were_given()
    {
        var result = await _harness.RunAsync<OrderBuild>("Lint", "Clean");

        Assert.Equal(["Lint", "Clean"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_plan_lists_the_order_and_why_each_target_is_in_it_without_running_anything()
    {
        var result = await _harness.RunAsync<OrderBuild>("Pack", "--plan");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Equal(
            """
            Execution plan (4 targets):

              1. Restore               dependency of Compile
              2. Compile               dependency of Pack
              3. Pack                  invoked
              4. Announce              triggered by Pack

            """.ReplaceLineEndings(),
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_target_fails_with_the_sorted_list_of_available_targets()
    {
        var result = await _harness.RunAsync<OrderBuild>("Deploy");

        Assert.Equal(-1, result.ExitCode);
        Assert.Empty(result.Events);
        // The list is indented under the message, after the "10:00:00 [ERR] " prefix of its first line.
        Assert.Contains(
            """
            10:00:00 [ERR] Target with name 'Deploy' does not exist. Available targets are:
                             - Announce
                             - Clean
                             - Compile
                             - Lint
                             - Pack
                             - Restore
                             - Test
            """.ReplaceLineEndings(),
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dependency_cycle_fails_before_anything_runs_and_names_the_cycle()
    {
        var result = await _harness.RunAsync<CycleBuild>("Publish");

        Assert.Equal(-1, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Contains("Circular dependencies between targets: Package -> Verify -> Package", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class OrderBuild : NukeBuild
    {
        private Target Clean => _ => _.Before(Restore).Executes(() => Ambient.Record("Clean"));

        private Target Restore => _ => _.Executes(() => Ambient.Record("Restore"));

        private Target Compile => _ => _.DependsOn(Restore).Executes(() => Ambient.Record("Compile"));

        private Target Test => _ => _.DependsOn(Compile).Executes(() => Ambient.Record("Test"));

        private Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(() => Ambient.Record("Pack"));

        private Target Announce => _ => _.TriggeredBy(Pack).Executes(() => Ambient.Record("Announce"));

        private Target Lint => _ => _.Executes(async () =>
        {
            await Task.Yield();
            Ambient.Record("Lint");
        });
    }

    private sealed class CycleBuild : NukeBuild
    {
        private Target Verify => _ => _.DependsOn(Package).Executes(() => Ambient.Record("Verify"));

        private Target Package => _ => _.After(Verify).Executes(() => Ambient.Record("Package"));

        private Target Publish => _ => _.DependsOn(Verify).Executes(() => Ambient.Record("Publish"));
    }
}
