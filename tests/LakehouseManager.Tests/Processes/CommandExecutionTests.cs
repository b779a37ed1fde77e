using LakehouseManager.Processes;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Processes;

public sealed class CommandExecutionTests
{
    private static Command Sh(string script, params string[] arguments) =>
        Cli.Wrap("sh").WithArguments(a => a.Add("-c").Add(script).Add("sh").Add(arguments));

    [Fact(Timeout = 10_000)]
    public async Task I_can_run_git_and_read_its_standard_output()
    {
        var result = await Cli.Wrap("git").WithArguments(["--version"]).ExecuteBufferedAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.IsSuccess);
        Assert.StartsWith("git version ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact(Timeout = 10_000)]
    public async Task Arguments_reach_the_process_unchanged_without_any_shell_interpretation()
    {
        string[] arguments = ["a b", "\"quoted\"", "$HOME", "", "semi;colon", "back\\slash", "ünïcødé 🚀", "*"];

        var result = await Sh("printf '%s\\n' \"$@\"", arguments).ExecuteBufferedAsync();

        Assert.Equal(string.Join("\n", arguments) + "\n", result.StandardOutput);
    }

    [Fact(Timeout = 10_000)]
    public async Task Standard_output_and_error_are_read_concurrently_so_large_outputs_do_not_block()
    {
        // A megabyte to stderr first would fill its pipe and hang if stdout were read to the end before stderr.
        var script = "yes err 2>/dev/null | head -c 1000000 >&2; yes out 2>/dev/null | head -c 1000000";

        var result = await Sh(script).ExecuteBufferedAsync();

        Assert.Equal(1_000_000, result.StandardOutput.Length);
        Assert.Equal(1_000_000, result.StandardError.Length);
        Assert.StartsWith("out\nout\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("err\nerr\n", result.StandardError, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_non_zero_exit_code_raises_an_exception_with_the_command_exit_code_and_standard_error()
    {
        var command = Sh("echo 'something broke' >&2; exit 3");

        var exception = await Assert.ThrowsAsync<CommandExecutionException>(() => command.ExecuteBufferedAsync());

        Assert.Equal(3, exception.ExitCode);
        Assert.Equal("something broke\n", exception.StandardError);
        Assert.Equal(command.ToString(), exception.CommandLine);
        Assert.Contains("exit code 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("something broke", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<LakehouseException>(exception);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_validation_a_non_zero_exit_code_is_returned_as_data()
    {
        var result = await Sh("echo out; echo err >&2; exit 7")
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.Equal(7, result.ExitCode);
        Assert.False(result.IsSuccess);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [Fact(Timeout = 10_000)]
    public async Task Sensitive_argument_values_are_redacted_from_the_exception()
    {
        var command = Cli.Wrap("sh").WithArguments(a => a
            .Add("-c").Add("echo \"cannot use $1\" >&2; exit 1").Add("sh").AddSensitive("tok-123456"));

        var exception = await Assert.ThrowsAsync<CommandExecutionException>(() => command.ExecuteBufferedAsync());

        Assert.DoesNotContain("tok-123456", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-123456", exception.StandardError, StringComparison.Ordinal);
        Assert.Contains("cannot use ***", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Sensitive_environment_values_are_redacted_from_the_exception()
    {
        var command = Sh("echo \"bad token $LHM_TOKEN\" >&2; exit 1")
            .WithEnvironmentVariables(e => e.Set("LHM_TOKEN", "pat-987654", isSensitive: true));

        var exception = await Assert.ThrowsAsync<CommandExecutionException>(() => command.ExecuteBufferedAsync());

        Assert.DoesNotContain("pat-987654", exception.Message, StringComparison.Ordinal);
        Assert.Contains("bad token ***", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Environment_variables_are_set_and_removed_for_the_child_only()
    {
        var inherited = "LHM_INHERITED_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(inherited, "from-parent");
        try
        {
            var result = await Sh($"echo \"set=$LHM_SET removed=${{{inherited}:-gone}}\"")
                .WithEnvironmentVariables(e => e.Set("LHM_SET", "value").Remove(inherited))
                .ExecuteBufferedAsync();

            Assert.Equal("set=value removed=gone\n", result.StandardOutput);
            Assert.Equal("from-parent", Environment.GetEnvironmentVariable(inherited));
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [Fact(Timeout = 10_000)]
    public async Task Standard_input_is_written_then_closed()
    {
        var result = await Cli.Wrap("cat").WithStandardInput("line one\nünïcødé\n").ExecuteBufferedAsync();

        Assert.Equal("line one\nünïcødé\n", result.StandardOutput);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_standard_input_the_process_reads_end_of_input_at_once()
    {
        var result = await Cli.Wrap("cat").ExecuteBufferedAsync();

        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact(Timeout = 10_000)]
    public async Task Binary_output_is_returned_byte_exact()
    {
        var result = await Sh("printf '\\000\\377\\376\\r\\n'").ExecuteBinaryAsync();

        Assert.Equal(new byte[] { 0x00, 0xFF, 0xFE, 0x0D, 0x0A }, result.StandardOutput.ToArray());
    }

    [Fact(Timeout = 10_000)]
    public async Task The_process_runs_in_the_working_directory()
    {
        using var directory = new TempDirectory();

        var result = await Cli.Wrap("pwd").WithWorkingDirectory(directory.Path).ExecuteBufferedAsync();

        Assert.Equal(Path.GetFullPath(directory.Path), Path.GetFullPath(result.StandardOutput.TrimEnd('\n')));
    }

    [Fact(Timeout = 10_000)]
    public async Task Start_and_exit_times_come_from_the_command_clock()
    {
        var clock = new ManualTimeProvider();

        var result = await Cli.Wrap("true").WithTimeProvider(clock).ExecuteBufferedAsync();

        Assert.Equal(clock.GetUtcNow(), result.StartTime);
        Assert.Equal(clock.GetUtcNow(), result.ExitTime);
        Assert.Equal(TimeSpan.Zero, result.RunTime);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_missing_executable_raises_a_start_exception_that_names_it()
    {
        var command = Cli.Wrap("lhm-no-such-program").WithArguments(["x"]);

        var exception = await Assert.ThrowsAsync<CommandStartException>(() => command.ExecuteBufferedAsync());

        Assert.Contains("lhm-no-such-program", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_missing_working_directory_raises_a_start_exception_that_names_it()
    {
        using var directory = new TempDirectory();
        var missing = directory.Combine("missing");

        var exception = await Assert.ThrowsAsync<CommandStartException>(
            () => Cli.Wrap("true").WithWorkingDirectory(missing).ExecuteBufferedAsync());

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }
}
