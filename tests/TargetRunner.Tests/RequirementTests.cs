using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class RequirementTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
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

    [Fact(Timeout = 60_000)]
    public async Task Every_unmet_requirement_of_the_plan_is_reported_at_once()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Merge", "Big");

        Assert.Contains("Target 'Merge' requires member 'ToRef'", result.Output);
        Assert.Contains("Target 'Big' requires member 'Count' to be not null or empty: pass --count <value>", result.Output);
        Assert.Contains("Target 'Big' requires 'Force || Count > 3'.", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_requirement_is_met_by_a_parameter_from_the_environment()
    {
        _harness.Environment["TO_REF"] = "dev";

        var result = await _harness.RunAsync<RequiresBuild>("Merge");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Prepare", "Merge:dev"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_boolean_requirement_is_met_when_its_expression_holds()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Big", "--count", "4");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Big"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_requirements_of_a_skipped_target_are_not_checked()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Optional");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("requires", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_value_outside_the_valid_ones_fails_before_any_target_runs_naming_flag_variable_value_and_what_is_valid()
    {
        var result = await _harness.RunAsync<RequiresBuild>("RunTests", "--test-parallelism", "0");

        Assert.Equal(-1, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.Contains(
            "Target 'RunTests' requires parameter 'TestParallelism' to be a number from 1 to 64, but it is 0 (from the "
            + "command line): pass --test-parallelism <value>, set the environment variable TEST_PARALLELISM, or set "
            + "\"TestParallelism\" in .nuke/parameters.json.",
            result.Output);
        Assert.Contains("Prepare            NotRun", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_value_from_the_environment_or_a_parameters_file_names_where_it_came_from()
    {
        _harness.Environment["TEST_PARALLELISM"] = "65";
        _harness.WriteParameters("parameters.json", """{ "Labels": [] }""");

        var result = await _harness.RunAsync<RequiresBuild>("RunTests", "Label");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(
            "Target 'RunTests' requires parameter 'TestParallelism' to be a number from 1 to 64, but it is 65 (from "
            + "environment variable TEST_PARALLELISM):",
            result.Output);
        Assert.Contains(
            "Target 'Label' requires parameter 'Labels' to be one or more labels, but it is [] (from .nuke/parameters.json):",
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_valid_value_and_a_valid_default_pass_the_validation()
    {
        var given = await _harness.RunAsync<RequiresBuild>("RunTests", "--test-parallelism", "64");
        var byDefault = await _harness.RunAsync<RequiresBuild>("RunTests");

        Assert.Equal((0, 0), (given.ExitCode, byDefault.ExitCode));
        Assert.Equal(["Prepare", "RunTests:4"], byDefault.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invalid_default_is_reported_as_the_default()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Label");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("Target 'Label' requires parameter 'Labels' to be one or more labels, but it is [] (the default):", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_validation_of_a_target_that_is_not_scheduled_is_not_checked()
    {
        var result = await _harness.RunAsync<RequiresBuild>("Prepare", "--test-parallelism", "0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Prepare"], result.Events);
    }

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task The_planned_hook_runs_before_a_rejected_value_or_an_unmet_requirement_stops_the_run(string parallelism)
    {
        var result = await _harness.RunAsync<PlannedBuild>("RunTests", "--test-parallelism", parallelism);

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(["Planned:Prepare,RunTests"], result.Events);
    }

    [Fact]
    public async Task The_planned_hook_does_not_run_for_the_plan_or_help_or_an_unknown_target()
    {
        await _harness.RunAsync<PlannedBuild>("RunTests", "--test-parallelism", "abc", "--plan");
        var plan = _harness.State.Events.ToList();
        await _harness.RunAsync<PlannedBuild>("RunTests", "--plan");
        var validPlan = _harness.State.Events.ToList();
        var unknown = await _harness.RunAsync<PlannedBuild>("Nope", "--test-parallelism", "abc");

        Assert.Empty(plan);
        Assert.Empty(validPlan);
        Assert.Equal(-1, unknown.ExitCode);
        Assert.Empty(unknown.Events);
    }

    private sealed class RequiresBuild : NukeBuild
    {
        [Parameter("Catalog branch of the pull request")]
        private readonly string? ToRef;

        [Parameter]
        private readonly int? Count;

        [Parameter]
        private readonly bool Force;

        [Parameter]
        private readonly int TestParallelism = 4;

        [Parameter]
        private readonly string[] Labels = [];

        private Target Prepare => _ => _.Executes(() => Ambient.Record("Prepare"));

        private Target Merge => _ => _.DependsOn(Prepare).Requires(() => ToRef).Executes(() => Ambient.Record($"Merge:{ToRef}"));

        private Target Big => _ => _.Requires(() => Count).Requires(() => Force || Count > 3).Executes(() => Ambient.Record("Big"));

        private Target RunTests => _ => _
            .DependsOn(Prepare)
            .Requires(() => TestParallelism, n => n is >= 1 and <= 64, "a number from 1 to 64")
            .Executes(() => Ambient.Record($"RunTests:{TestParallelism}"));

        private Target Label => _ => _
            .Requires(() => Labels, l => l.Length > 0, "one or more labels")
            .Executes(() => Ambient.Record("Label"));

        private Target Optional => _ => _.OnlyWhenStatic(() => Force).Requires(() => ToRef).Executes(() => Ambient.Record("Optional"));
    }

    /// <summary>A build whose planned hook records the scheduled targets, as RunDataTests deletes its old reports there.</summary>
    private sealed class PlannedBuild : NukeBuild
    {
        [Parameter]
        private readonly int TestParallelism = 4;

        private Target Prepare => _ => _.Executes(() => Ambient.Record("Prepare"));

        private Target RunTests => _ => _
            .DependsOn(Prepare)
            .Requires(() => TestParallelism, n => n >= 1, "a number of at least 1")
            .Executes(() => Ambient.Record($"RunTests:{TestParallelism}"));

        protected internal override void OnBuildPlanned() => Ambient.Record($"Planned:{string.Join(',', ScheduledTargets)}");
    }
}
