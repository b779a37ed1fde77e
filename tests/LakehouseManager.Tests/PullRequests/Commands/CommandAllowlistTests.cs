using LakehouseManager.PullRequests.Commands;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Commands;

public sealed class CommandAllowlistTests
{
    private const string ReviewersRole = "arn:aws:iam::123456789012:role/Reviewers";

    [Fact]
    public void Without_entries_everyone_may_run_everything()
    {
        var allowlist = CommandAllowlist.Parse([]);

        Assert.True(allowlist.Allows(CommentCommandKind.Test, "arn:aws:iam::123456789012:user/anyone"));
    }

    [Fact]
    public void An_entry_restricts_its_command_to_the_role_whatever_the_session()
    {
        var allowlist = CommandAllowlist.Parse([$"test={ReviewersRole}"]);

        Assert.True(allowlist.Allows(CommentCommandKind.Test, "arn:aws:sts::123456789012:assumed-role/Reviewers/alice"));
        Assert.True(allowlist.Allows(CommentCommandKind.Test, "arn:aws:sts::123456789012:assumed-role/Reviewers/bob"));
        Assert.False(allowlist.Allows(CommentCommandKind.Test, "arn:aws:sts::123456789012:assumed-role/Developers/alice"));
        Assert.False(allowlist.Allows(CommentCommandKind.Test, "arn:aws:sts::999999999999:assumed-role/Reviewers/alice"));
        Assert.True(allowlist.Allows(CommentCommandKind.Sync, "arn:aws:sts::123456789012:assumed-role/Developers/alice"));
    }

    [Fact]
    public void A_star_entry_restricts_every_command_and_entries_add_up()
    {
        var allowlist = CommandAllowlist.Parse([$"*={ReviewersRole}", "sync=arn:aws:iam::123456789012:user/ops"]);

        Assert.False(allowlist.Allows(CommentCommandKind.Status, "arn:aws:iam::123456789012:user/ops"));
        Assert.True(allowlist.Allows(CommentCommandKind.Sync, "arn:aws:iam::123456789012:user/ops"));
        Assert.True(allowlist.Allows(CommentCommandKind.Sync, "arn:aws:sts::123456789012:assumed-role/Reviewers/carol"));
        Assert.Equal(2, allowlist.AllowedFor(CommentCommandKind.Sync).Count);
    }

    [Theory]
    [InlineData("test", "expected COMMAND=ARN")]
    [InlineData("test=Reviewers", "expected COMMAND=ARN")]
    [InlineData("deploy=arn:aws:iam::1:role/x", "'deploy' is not a command that can be restricted; valid are test, sync, status and *")]
    [InlineData("help=arn:aws:iam::1:role/x", "'help' is not a command that can be restricted")]
    public void A_bad_entry_is_named_with_what_is_valid(string entry, string message)
    {
        var error = Assert.Throws<LakehouseException>(() => CommandAllowlist.Parse([entry]));

        Assert.Contains($"--command-allowlist entry '{entry}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
