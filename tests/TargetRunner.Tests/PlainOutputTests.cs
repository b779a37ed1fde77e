using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

/// <summary>
/// What a person reads: failures in plain words (no .NET type names), where a value from the environment came from,
/// multi-line messages kept aligned under their prefix, and dates in ISO 8601.
/// </summary>
public sealed class PlainOutputTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 30_000)]
    public async Task A_failed_run_reads_as_the_expected_output()
    {
        _harness.Environment["TESTS"] = "nightly";

        var result = await _harness.RunAsync<ReportBuild>("Select", "--tests-path", "tests.yaml");

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(ExpectedFile.Read("failed-run.txt"), result.Output.ReplaceLineEndings("\n"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failure_is_reported_by_its_message_without_the_exception_type()
    {
        var result = await _harness.RunAsync<ReportBuild>("Select");

        Assert.Contains("[ERR] Target Select failed: Unknown data test '' (--tests) in .", result.Output);
        Assert.DoesNotContain("Exception", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_exception_type_and_stack_trace_are_shown_at_verbose_level_only()
    {
        var result = await _harness.RunAsync<ReportBuild>("Select", "--verbosity", "verbose");

        Assert.Contains("[DBG] Details: System.InvalidOperationException: Unknown data test", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_error_that_names_a_parameter_says_which_environment_variable_set_it()
    {
        _harness.Environment["TESTS"] = "nightly";

        var result = await _harness.RunAsync<ReportBuild>("Select");

        Assert.Contains("Target Select failed: Unknown data test 'nightly' (--tests) in .", result.Output);
        Assert.Contains("Tests are: a. --tests came from environment variable TESTS.", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_error_that_names_a_parameter_says_which_parameters_file_set_it()
    {
        _harness.WriteParameters("parameters.json", """{ "Tests": ["weekly"] }""");

        var result = await _harness.RunAsync<ReportBuild>("Select");

        Assert.Contains("Tests are: a. --tests came from .nuke/parameters.json.", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_value_from_the_command_line_or_a_parameter_the_error_does_not_name_gets_no_note()
    {
        _harness.Environment["TESTS"] = "nightly";

        var typed = await _harness.RunAsync<ReportBuild>("Select", "--tests", "weekly");
        var other = await _harness.RunAsync<ReportBuild>("Path");

        Assert.DoesNotContain("came from", typed.Output);
        Assert.Contains("Target Path failed: --tests-path is not a file (retries: 1).", other.Output);
        Assert.DoesNotContain("came from", other.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_continuation_lines_of_a_message_are_indented_under_its_first_line()
    {
        var result = await _harness.RunAsync<ReportBuild>("Table");

        Assert.Contains(
            "10:00:00 [INF] Status  Test\n               ------  ----\n               PASS    a\n\n               Done\n",
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_closing_line_gives_the_date_in_ISO_8601()
    {
        var result = await _harness.RunAsync<ReportBuild>("Table");

        Assert.Contains("Build succeeded on 2026-01-01T10:00:00+00:00.", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task Target_without_a_value_is_an_error_that_lists_the_targets()
    {
        var result = await _harness.RunAsync<ReportBuild>("--target");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("[ERR] --target needs the name of a target (e.g. --target Compile", result.Output);
        Assert.Contains("Available targets are:\n                 - Path\n                 - Select\n                 - Table", result.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Usage", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unconvertible_number_is_described_in_words()
    {
        var result = await _harness.RunAsync<ReportBuild>("Table", "--retries", "many");

        Assert.Contains("'many' of parameter 'Retries' (--retries, from the command line): expected a whole number", result.Output);
        Assert.DoesNotContain("Int32", result.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_broken_parameters_file_is_named_with_the_line_of_the_error()
    {
        _harness.WriteParameters("parameters.json", "{\n  \"Tests\": [\"a\"\n}");

        var result = await _harness.RunAsync<ReportBuild>("Table");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(".nuke/parameters.json is not valid JSON at line 3: ", result.Output);
        Assert.DoesNotContain("LineNumber", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class ReportBuild : NukeBuild
    {
        [Parameter("Data tests to run")]
        private readonly string[] Tests = [];

        [Parameter("The tests file")]
        private readonly string? TestsPath;

        [Parameter("How often to try")]
        private readonly int Retries = 1;

        private Target Table => _ => _.Executes(() => Log.Information("Status  Test\n------  ----\nPASS    a\n\nDone"));

        private Target Select => _ => _.DependsOn(Table).Executes(() =>
        {
            Ambient.Clock.Advance(TimeSpan.FromSeconds(3));
            throw new InvalidOperationException($"Unknown data test '{string.Join(' ', Tests)}' (--tests) in {TestsPath}.\nTests are: a.");
        });

        private Target Path => _ => _.Executes(() => throw new BuildException($"--tests-path is not a file (retries: {Retries})."));
    }
}
