using LakehouseManager.PullRequests.Commands;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Commands;

public sealed class CommentCommandParserTests
{
    [Theory]
    [InlineData("!test", CommentCommandKind.Test, "")]
    [InlineData("  !test  daily_revenue_total tag:nightly\nPlease run these.", CommentCommandKind.Test, "daily_revenue_total tag:nightly")]
    [InlineData("\n\n!TEST a", CommentCommandKind.Test, "a")]
    [InlineData("!sync", CommentCommandKind.Sync, "")]
    [InlineData("!status\r\nthanks", CommentCommandKind.Status, "")]
    [InlineData("!help", CommentCommandKind.Help, "")]
    [InlineData("!deploy prod", CommentCommandKind.Unknown, "prod")]
    [InlineData("!sync now", CommentCommandKind.Unknown, "now")]
    public void A_comment_whose_first_line_starts_with_the_prefix_and_a_word_is_a_command(string body, CommentCommandKind kind, string arguments)
    {
        var command = CommentCommandParser.Parse(body);

        Assert.NotNull(command);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(arguments, string.Join(' ', command.Arguments));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Looks good! !test later")]
    [InlineData("! test")]
    [InlineData("!!")]
    [InlineData("!")]
    [InlineData("!1test")]
    [InlineData("> !test\nquoted")]
    public void Anything_else_is_no_command(string body)
    {
        Assert.Null(CommentCommandParser.Parse(body));
    }

    [Fact]
    public void Unknown_commands_and_misused_ones_say_what_is_wrong()
    {
        Assert.Equal("`!deploy` is not a command.", CommentCommandParser.Parse("!deploy")!.Problem);
        Assert.Equal("`!status` takes no arguments.", CommentCommandParser.Parse("!Status please")!.Problem);
    }

    [Fact]
    public void The_prefix_is_configurable()
    {
        var command = CommentCommandParser.Parse("/lakehouse:test a", "/lakehouse:");

        Assert.Equal(CommentCommandKind.Test, command!.Kind);
        Assert.Equal(["a"], command.Arguments);
        Assert.Null(CommentCommandParser.Parse("!test", "/lakehouse:"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bot")]
    [InlineData("! ")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("/lakehouse")]
    public void A_prefix_that_could_start_a_word_or_is_blank_is_refused(string prefix)
    {
        var error = Assert.Throws<LakehouseException>(() => CommentCommandParser.Parse("!test", prefix));

        Assert.Contains("--command-prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_lists_every_command_with_the_prefix_and_starts_with_the_problem()
    {
        var help = CommandReplies.Help("/lh:", "`/lh:deploy` is not a command.", "tests/data-tests.yaml");

        Assert.StartsWith("`/lh:deploy` is not a command.", help, StringComparison.Ordinal);
        foreach (var command in new[] { "`/lh:test`", "`/lh:sync`", "`/lh:status`", "`/lh:help`", "`tests/data-tests.yaml`" })
        {
            Assert.Contains(command, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_reply_of_the_tool_reads_as_a_command()
    {
        var command = CommentCommandParser.Parse("!test a")!;
        var replies = new[]
        {
            CommandReplies.Help("!"),
            CommandReplies.Acknowledgement(command, "!"),
            CommandReplies.NotAllowed(command, "!", "arn:aws:iam::1:user/x"),
        };

        Assert.All(replies, reply => Assert.Null(CommentCommandParser.Parse(reply)));
    }
}
