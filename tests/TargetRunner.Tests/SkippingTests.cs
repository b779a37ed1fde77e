using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class SkippingTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task A_false_static_condition_skips_the_target_with_its_source_text_as_the_reason()
    {
        var result = await _harness.RunAsync<SkipBuild>("Compile");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Contains("Compile            Skipped                // Enabled && !Disabled", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_skipped_target_also_skips_dependencies_that_nothing_else_needs()
    {
        var result = await _harness.RunAsync<SkipBuild>("Test");

        Assert.Equal(["Test"], result.Events);
        Assert.Contains("Restore            Skipped                // dependency of skipped target Compile", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dependency_that_another_scheduled_target_needs_still_runs()
    {
        var result = await _harness.RunAsync<SkipBuild>("Compile", "Lint");

        Assert.Equal(["Restore", "Lint"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhenSkipped_Execute_runs_the_dependencies_of_a_skipped_target()
    {
        var result = await _harness.RunAsync<SkipBuild>("Publish");

        Assert.Equal(["Restore"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_static_condition_that_holds_lets_the_target_run()
    {
        var result = await _harness.RunAsync<SkipBuild>("Test", "--enabled");

        Assert.Equal(["Restore", "Compile", "Test"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task Skip_without_values_skips_every_target_that_was_not_invoked()
    {
        var result = await _harness.RunAsync<SkipBuild>("Test", "--enabled", "--skip");

        Assert.Equal(["Test"], result.Events);
        Assert.Contains("Compile            Skipped                // --skip", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Skip_with_names_skips_only_those_targets()
    {
        var result = await _harness.RunAsync<SkipBuild>("Test", "--enabled", "--skip", "re-store");

        Assert.Equal(["Compile", "Test"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dynamic_condition_sees_what_earlier_targets_did_but_a_static_one_does_not()
    {
        var result = await _harness.RunAsync<SkipBuild>("Dynamic", "Static");

        Assert.Equal(["Prepare", "Dynamic"], result.Events);
        Assert.Contains("Static             Skipped                // Prepared", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class SkipBuild : NukeBuild
    {
        [Parameter]
        private readonly bool Enabled;

        [Parameter]
        private readonly bool Disabled;

        private bool Prepared { get; set; }

        private Target Restore => _ => _.Executes(() => Ambient.Record("Restore"));

        private Target Compile => _ => _
            .DependsOn(Restore)
            .OnlyWhenStatic(() => Enabled && !Disabled)
            .Executes(() => Ambient.Record("Compile"));

        private Target Test => _ => _.DependsOn(Compile).Executes(() => Ambient.Record("Test"));

        private Target Lint => _ => _.DependsOn(Restore).Executes(() => Ambient.Record("Lint"));

        private Target Publish => _ => _
            .DependsOn(Restore)
            .OnlyWhenStatic(() => Enabled)
            .WhenSkipped(DependencyBehavior.Execute)
            .Executes(() => Ambient.Record("Publish"));

        private Target Prepare => _ => _.Executes(() =>
        {
            Prepared = true;
            Ambient.Record("Prepare");
        });

        private Target Dynamic => _ => _.DependsOn(Prepare).OnlyWhenDynamic(() => Prepared).Executes(() => Ambient.Record("Dynamic"));

        private Target Static => _ => _.After(Dynamic).OnlyWhenStatic(() => Prepared).Executes(() => Ambient.Record("Static"));
    }
}
