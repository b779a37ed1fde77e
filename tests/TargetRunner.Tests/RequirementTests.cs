using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class RequirementTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact]
    public async Task A_missing_parameter_fails_before_any_target_runs_and_says_how_to_set_it()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Merge");

        Assert.Equal(-1, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Contains(
            "Target 'Merge' requires member 'ToRef' to be not null or empty: pass --to-ref <value>, set the environment "
            + "variable TO_REF, or set \"ToRef\" in .nuke/parameters.json.",
            result.Output);
        Assert.Contains("Prepare            NotRun", result.Output);
        Assert.Contains("Merge              NotRun", result.Output);
    }

    [Fact]
    public async Task Every_unmet_requirement_of_the_plan_is_reported_at_once()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Merge", "Big");

        Assert.Contains("Target 'Merge' requires member 'ToRef'", result.Output);
        Assert.Contains("Target 'Big' requires member 'Count' to be not null or empty: pass --count <value>", result.Output);
        Assert.Contains("Target 'Big' requires 'Force || Count > 3'.", result.Output);
    }

    [Fact]
    public async Task A_requirement_is_met_by_a_parameter_from_the_environment()
    {
        _harness.Environment["TO_REF"] = "dev";

        var result = await _harness.RunAsync<RequiresBuild>("Merge");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Prepare", "Merge:dev"], result.Events);
    }

    [Fact]
    public async Task A_boolean_requirement_is_met_when_its_expression_holds()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Big", "--count", "4");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Big"], result.Events);
    }

    [Fact]
    public async Task The_requirements_of_a_skipped_target_are_not_checked()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Optional");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("requires", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class RequiresBuild : NukeBuild
    {
        [Parameter("Catalog branch of the pull request")]
        private readonly string? ToRef;

        [Parameter]
        private readonly int? Count;

        [Parameter]
        private readonly bool Force;

        private Target Prepare => _ => _.Executes(() => Ambient.Record("Prepare"));

        private Target Merge => _ => _.DependsOn(Prepare).Requires(() => ToRef).Executes(() => Ambient.Record($"Merge:{ToRef}"));

        private Target Big => _ => _.Requires(() => Count).Requires(() => Force || Count > 3).Executes(() => Ambient.Record("Big"));

        private Target Optional => _ => _.OnlyWhenStatic(() => Force).Requires(() => ToRef).Executes(() => Ambient.Record("Optional"));
    }
}
