using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class BindingTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task The_command_line_beats_the_environment_which_beats_the_parameters_file_which_beats_the_default()
    {
        _harness.Environment["FROM_REF"] = "env";
        _harness.Environment["TO_REF"] = "env";
        _harness.WriteParameters("parameters.json", """{ "$schema": "./build.schema.json", "FromRef": "file", "ToRef": "file", "RepoName": "file" }""");

        var build = await BindAsync("--from-ref", "cli");

        Assert.Equal("cli", build.FromRef);
        Assert.Equal("env", build.ToRef);
        Assert.Equal("file", build.RepoName);
        Assert.Equal("default", build.MirrorPath);
    }

    [Fact(Timeout = 60_000)]
    public async Task Profiles_are_applied_over_the_parameters_file_in_the_order_given()
    {
        _harness.WriteParameters("parameters.json", """{ "FromRef": "base", "ToRef": "base", "RepoName": "base" }""");
        _harness.WriteParameters("parameters.ci.json", """{ "ToRef": "ci", "RepoName": "ci" }""");
        _harness.WriteParameters("parameters.local.json", """{ "RepoName": "local" }""");

        var build = await BindAsync("--profile", "ci", "local");

        Assert.Equal(("base", "ci", "local"), (build.FromRef, build.ToRef, build.RepoName));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_profile_file_fails_and_names_the_file()
    {
        var result = await _harness.RunAsync<BindingBuild>("Show", "--profile", "nope");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("Profile 'nope' does not exist: '.nuke/parameters.nope.json' was not found", result.Output);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ToRef")]
    [InlineData("TO_REF")]
    [InlineData("to_ref")]
    [InlineData("TOREF")]
    [InlineData("NUKE_TO_REF")]
    public async Task An_environment_variable_binds_by_exact_name_or_leniently_with_an_optional_NUKE_prefix(string variable)
    {
        _harness.Environment[variable] = "dev";

        var build = await BindAsync();

        Assert.Equal("dev", build.ToRef);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_exact_member_name_wins_over_lenient_matches()
    {
        _harness.Environment["ToRef"] = "exact";
        _harness.Environment["TO_REF"] = "lenient";

        var result = await _harness.RunAsync<BindingBuild>("Show");

        Assert.Equal("exact", ((BindingBuild)result.Build!).ToRef);
        Assert.DoesNotContain("[WRN]", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Several_matching_environment_variables_are_ignored_with_a_warning()
    {
        _harness.Environment["TO_REF"] = "one";
        _harness.Environment["NUKE_TO_REF"] = "two";
        _harness.WriteParameters("parameters.json", """{ "ToRef": "file" }""");

        var result = await _harness.RunAsync<BindingBuild>("Show");

        Assert.Equal("file", ((BindingBuild)result.Build!).ToRef);
        Assert.Contains(
            "[WRN] Could not resolve parameter 'ToRef' from the environment since multiple variables are provided: NUKE_TO_REF, TO_REF.",
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bare_bool_flag_means_true_and_an_explicit_value_is_parsed()
    {
        var bare = await BindAsync("--dry-run");
        var explicitFalse = await BindAsync("--dry-run", "false");

        Assert.True(bare.DryRun);
        Assert.False(explicitFalse.DryRun);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_empty_bool_environment_variable_means_false()
    {
        _harness.Environment["DRY_RUN"] = string.Empty;
        _harness.WriteParameters("parameters.json", """{ "DryRun": true }""");

        var build = await BindAsync();

        Assert.False(build.DryRun);
    }

    [Fact(Timeout = 60_000)]
    public async Task Names_are_lenient_and_the_last_occurrence_wins()
    {
        var build = await BindAsync("--toref", "a", "-To-Ref", "b", "--TOREF", "c");

        Assert.Equal("c", build.ToRef);
    }

    [Fact(Timeout = 60_000)]
    public async Task Arrays_take_every_token_up_to_the_next_parameter_or_split_on_their_separator()
    {
        _harness.Environment["LABELS"] = "x y";

        var build = await BindAsync("--tags", "a", "b", "c", "--paths", "one+two", "--count", "3");

        Assert.Equal(["a", "b", "c"], build.Tags);
        Assert.Equal(["one", "two"], build.Paths);
        Assert.Equal(["x", "y"], build.Labels);
        Assert.Equal(3, build.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_negative_number_is_a_value_not_a_parameter_name()
    {
        var build = await BindAsync("--offset", "-5");

        Assert.Equal(-5, build.Offset);
    }

    [Fact(Timeout = 60_000)]
    public async Task Enums_ignore_case_and_dashes()
    {
        var build = await BindAsync("--catalog", "dremio-cloud");

        Assert.Equal(CatalogKind.DremioCloud, build.Catalog);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_enum_value_fails_and_lists_the_valid_values()
    {
        var result = await _harness.RunAsync<BindingBuild>("Show", "--catalog", "hive");

        Assert.Equal(-1, result.ExitCode);
        Assert.Null(result.Build);
        Assert.Contains(
            "Cannot convert value 'hive' of parameter 'Catalog' (--catalog, from the command line): valid values are Local, Nessie, DremioCloud.",
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_number_fails_and_names_the_parameter_its_source_and_the_value()
    {
        _harness.Environment["COUNT"] = "many";

        var result = await _harness.RunAsync<BindingBuild>("Show");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(
            "Cannot convert value 'many' of parameter 'Count' (--count, from environment variable COUNT): expected a whole number from -2147483648 to 2147483647.",
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_relative_path_on_the_command_line_is_resolved_against_the_working_directory()
    {
        _harness.WorkingDirectory = Directory.CreateDirectory(Path.Combine(_harness.Root, ".lakehouse", "demo")).FullName;

        var build = await BindAsync("--output", "catalog.db");

        Assert.Equal(Path.Combine(_harness.Root, ".lakehouse", "demo", "catalog.db"), build.Output?.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_relative_path_in_an_environment_variable_is_resolved_against_the_working_directory()
    {
        _harness.WorkingDirectory = Directory.CreateDirectory(Path.Combine(_harness.Root, "sub")).FullName;
        _harness.Environment["OUTPUT"] = "../artifacts/out";

        var build = await BindAsync();

        Assert.Equal(Path.Combine(_harness.Root, "artifacts", "out"), build.Output?.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_relative_path_in_a_parameters_file_is_resolved_against_the_root_directory()
    {
        _harness.WorkingDirectory = Directory.CreateDirectory(Path.Combine(_harness.Root, "sub")).FullName;
        _harness.WriteParameters("parameters.json", """{ "Output": "artifacts/out" }""");

        var build = await BindAsync();

        Assert.Equal(Path.Combine(_harness.Root, "artifacts", "out"), build.Output?.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task An_absolute_path_is_kept_whatever_its_source()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "out");
        _harness.WorkingDirectory = Directory.CreateDirectory(Path.Combine(_harness.Root, "sub")).FullName;
        _harness.WriteParameters("parameters.json", $$"""{ "Output": {{System.Text.Json.JsonSerializer.Serialize(elsewhere)}} }""");

        var build = await BindAsync();

        Assert.Equal(elsewhere, build.Output?.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task Numbers_and_arrays_bind_from_the_parameters_file()
    {
        _harness.WriteParameters("parameters.json", """{ "Count": 7, "Tags": ["p", "q"] }""");

        var build = await BindAsync();

        Assert.Equal(7, build.Count);
        Assert.Equal(["p", "q"], build.Tags);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_argument_fails_and_lists_the_parameters()
    {
        var result = await _harness.RunAsync<BindingBuild>("Show", "--to-rf", "dev");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("Unknown argument '--to-rf'. Available parameters are: --catalog, --count, --dry-run,", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_parameter_can_be_renamed()
    {
        _harness.Environment["PR_ID"] = "42";

        var build = await BindAsync();

        Assert.Equal("42", build.PullRequest);
    }

    public void Dispose() => _harness.Dispose();

    private async Task<BindingBuild> BindAsync(params string[] arguments)
    {
        var result = await _harness.RunAsync<BindingBuild>(["Show", .. arguments], [], CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Output);
        return (BindingBuild)result.Build!;
    }
}
