using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>The git runner (CliWrap underneath) driving real git and the processes git starts.</summary>
public sealed class GitRunnerTests
{
    [Fact(Timeout = 20_000)]
    public async Task Arguments_reach_git_unchanged_without_any_shell_interpretation()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);
        string[] arguments = ["a b", "\"quoted\"", "$HOME", "", "semi;colon", "back\\slash", "ünïcødé 🚀", "*", "two\nlines", "tab\there"];

        var output = await runner.RunAsync("args", GitScripts.Alias("printf '%s\\0' \"$@\"", arguments), CancellationToken.None);

        Assert.Equal(arguments, output.Records());
    }

    [Fact(Timeout = 20_000)]
    public async Task Large_outputs_on_both_pipes_are_read_together_so_git_neither_blocks_nor_dies_of_SIGPIPE()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        // A megabyte to standard error first: it would fill its pipe and hang if it were read only after standard
        // output, and a pipe left unread would end git with SIGPIPE (exit code 141).
        var output = await runner.RunAsync(
            "flood",
            GitScripts.Alias("yes err 2>/dev/null | head -c 1000000 >&2; yes out 2>/dev/null | head -c 1000000"),
            CancellationToken.None);

        Assert.Equal(0, output.ExitCode);
        Assert.Equal(1_000_000, output.StandardOutput.Length);
        Assert.Equal(1_000_000, output.StandardError.Length);
        Assert.StartsWith("out\nout\n", output.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("err\nerr\n", output.StandardError, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_failure_carries_the_operation_the_exit_code_and_the_error_output()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        var exception = await Assert.ThrowsAsync<GitException>(
            () => runner.RunAsync("broken", GitScripts.Alias("echo 'something broke' >&2; exit 3"), CancellationToken.None));

        Assert.Equal(("broken", sandbox.Root, 3, "something broke\n"), (exception.Operation, exception.Repository, exception.ExitCode, exception.Detail));
        Assert.Equal($"git broken failed in '{sandbox.Root}' (exit code 3); git said: 'something broke'", exception.Message);
        Assert.IsAssignableFrom<LakehouseException>(exception);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_exit_code_that_is_an_answer_is_returned_as_data()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        var output = await runner.TryRunAsync("answer", GitScripts.Alias("echo out; echo err >&2; exit 7"), CancellationToken.None);

        Assert.Equal((7, "out\n", "err\n"), (output.ExitCode, output.StandardOutput, output.StandardError));
    }

    [Fact(Timeout = 20_000)]
    public async Task Standard_input_is_written_as_UTF_8_then_closed()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        var echoed = await runner.RunAsync("cat", GitScripts.Alias("cat"), CancellationToken.None, "line one\nünïcødé\n");
        var none = await runner.RunAsync("cat", GitScripts.Alias("cat"), CancellationToken.None);

        Assert.Equal("line one\nünïcødé\n", echoed.StandardOutput);
        Assert.Equal(string.Empty, none.StandardOutput);
    }

    [Fact(Timeout = 20_000)]
    public async Task Git_runs_with_automatic_gc_and_maintenance_off_and_never_prompts()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        // Options given with -c reach the git processes git starts, as they would reach an automatic gc.
        var output = await runner.RunAsync(
            "config",
            GitScripts.Alias("git config gc.auto; git config maintenance.auto; echo \"$GIT_TERMINAL_PROMPT $GIT_EDITOR\""),
            CancellationToken.None);

        Assert.Equal("0\nfalse\n0 :\n", output.StandardOutput);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_git_that_is_not_installed_is_reported_plainly()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options with { GitPath = sandbox.Combine("no-such-git") });

        var exception = await Assert.ThrowsAsync<GitException>(
            () => runner.RunAsync("status", a => a.Add("status"), CancellationToken.None));

        Assert.Equal(
            $"git was not found: '{sandbox.Combine("no-such-git")}' does not exist or is not a program. Install git (2.25 or " +
            "later), or set the path to it, then run again.",
            exception.Message);
        Assert.Null(exception.ExitCode);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_repository_folder_that_does_not_exist_is_named()
    {
        using var sandbox = new GitSandbox();
        var missing = sandbox.Combine("missing");

        var exception = await Assert.ThrowsAsync<GitException>(
            () => new GitRepository(missing, sandbox.Options).WorkTree.GetStatusAsync());

        Assert.Equal($"git status failed in '{missing}': the folder '{missing}' does not exist.", exception.Message);
    }
}
