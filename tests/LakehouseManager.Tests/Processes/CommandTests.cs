using LakehouseManager.Processes;
using Xunit;

namespace LakehouseManager.Tests.Processes;

public sealed class CommandTests
{
    [Fact]
    public void With_methods_return_a_new_command_and_leave_the_original_unchanged()
    {
        var original = Cli.Wrap("git");

        var configured = original
            .WithArguments(a => a.Add("fetch").Add("origin"))
            .WithWorkingDirectory("/tmp")
            .WithEnvironmentVariables(e => e.Set("A", "1").Remove("B"))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithStandardInput("input")
            .WithValidation(CommandResultValidation.None);

        Assert.Empty(original.Arguments);
        Assert.Null(original.WorkingDirectory);
        Assert.Empty(original.EnvironmentVariables);
        Assert.Null(original.Timeout);
        Assert.True(original.StandardInput.IsEmpty);
        Assert.Equal(CommandResultValidation.ZeroExitCode, original.Validation);
        Assert.Equal(["fetch", "origin"], configured.Arguments.Select(a => a.Value));
        Assert.Equal("/tmp", configured.WorkingDirectory);
        Assert.Equal(
            [new CommandEnvironmentVariable("A", "1"), new CommandEnvironmentVariable("B", null)],
            configured.EnvironmentVariables.OrderBy(v => v.Name, StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(5), configured.Timeout);
        Assert.Equal("input"u8.ToArray(), configured.StandardInput.ToArray());
        Assert.Equal(CommandResultValidation.None, configured.Validation);
    }

    [Fact]
    public void WithArguments_replaces_the_previous_arguments()
    {
        var command = Cli.Wrap("git").WithArguments(["status"]).WithArguments(["log", "-z"]);

        Assert.Equal(["log", "-z"], command.Arguments.Select(a => a.Value));
    }

    [Fact]
    public void The_display_string_quotes_arguments_that_need_it()
    {
        var command = Cli.Wrap("git").WithArguments(["commit", "-m", "a message", "say \"hi\"", ""]);

        Assert.Equal("git commit -m \"a message\" \"say \\\"hi\\\"\" \"\"", command.ToString());
    }

    [Fact]
    public void Sensitive_arguments_are_masked_in_the_display_string()
    {
        var command = Cli.Wrap("git").WithArguments(a => a.Add("push").AddSensitive("https://user:s3cret@example.com/repo"));

        Assert.Equal("git push ***", command.ToString());
        Assert.DoesNotContain("s3cret", command.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_display_string_never_holds_environment_values()
    {
        var command = Cli.Wrap("git").WithArguments(["fetch"]).WithEnvironmentVariables(e => e.Set("TOKEN", "s3cret"));

        Assert.DoesNotContain("s3cret", command.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_value_for_the_same_environment_variable_wins()
    {
        var command = Cli.Wrap("git").WithEnvironmentVariables(e => e.Set("A", "1").Remove("A").Set("A", "2"));

        var variable = Assert.Single(command.EnvironmentVariables);
        Assert.Equal("2", variable.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void A_timeout_that_is_not_positive_is_rejected(int milliseconds)
    {
        var command = Cli.Wrap("git");

        Assert.Throws<ArgumentOutOfRangeException>(() => command.WithTimeout(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void An_infinite_timeout_means_no_timeout()
    {
        var command = Cli.Wrap("git").WithTimeout(TimeSpan.FromSeconds(1)).WithTimeout(Timeout.InfiniteTimeSpan);

        Assert.Null(command.Timeout);
    }

    [Fact]
    public void An_environment_variable_name_with_an_equals_sign_is_rejected()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => Cli.Wrap("git").WithEnvironmentVariables(e => e.Set("A=B", "1")));

        Assert.Contains("A=B", exception.Message, StringComparison.Ordinal);
    }
}
