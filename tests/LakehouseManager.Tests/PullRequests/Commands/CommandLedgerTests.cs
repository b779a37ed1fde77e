using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Commands;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Commands;

public sealed class CommandLedgerTests
{
    private static readonly HostIdentity s_bot = new("arn:aws:iam::123456789012:role/lakehouse-manager");
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PullRequestComment Comment(string id, string author, string body, int minute, string? inReplyTo = null) =>
        new(id, author, body, s_start.AddMinutes(minute), inReplyTo);

    private static string Reviewer => "arn:aws:iam::123456789012:user/reviewer";

    private static string BotSession(string session) => $"arn:aws:sts::123456789012:assumed-role/lakehouse-manager/{session}";

    [Fact]
    public void A_command_is_answered_once_the_tools_reply_exists_from_any_session_of_its_role()
    {
        var command = Comment("c1", Reviewer, "!test", 1);
        var reply = Comment("r1", BotSession("build-7"), "Running the data tests", 2, "c1");

        Assert.Equal(CommandState.Pending, CommandLedger.StateOf(command, [command], s_bot, "!"));
        Assert.Equal(CommandState.Answered, CommandLedger.StateOf(command, [command, reply], s_bot, "!"));
        Assert.Same(reply, CommandLedger.FindAnswer("c1", [command, reply], s_bot));
    }

    [Fact]
    public void A_persons_reply_is_no_record_of_an_answer()
    {
        var command = Comment("c1", Reviewer, "!test", 1);
        var human = Comment("h1", "arn:aws:iam::123456789012:user/other", "!test again please", 2, "c1");

        Assert.Equal(CommandState.Pending, CommandLedger.StateOf(command, [command, human], s_bot, "!"));
    }

    [Fact]
    public void The_tools_own_comments_deleted_ones_and_discussion_are_never_run()
    {
        var own = Comment("o1", BotSession("build-1"), "!test", 1);
        var deleted = Comment("d1", Reviewer, "", 2) with { IsDeleted = true };
        var talk = Comment("t1", Reviewer, "Looks good", 3);
        var all = new[] { own, deleted, talk };

        Assert.Equal(CommandState.OwnComment, CommandLedger.StateOf(own, all, s_bot, "!"));
        Assert.Equal(CommandState.Deleted, CommandLedger.StateOf(deleted, all, s_bot, "!"));
        Assert.Equal(CommandState.NotACommand, CommandLedger.StateOf(talk, all, s_bot, "!"));
        Assert.Empty(CommandLedger.Pending(all, s_bot, "!"));
    }

    [Fact]
    public void An_edited_command_that_was_answered_stays_answered()
    {
        var edited = Comment("c1", Reviewer, "!test other_test", 1) with { UpdatedAt = s_start.AddMinutes(9) };
        var reply = Comment("r1", BotSession("build-2"), "results", 2, "c1");

        Assert.Equal(CommandState.Answered, CommandLedger.StateOf(edited, [edited, reply], s_bot, "!"));
    }

    [Fact]
    public void Pending_commands_come_oldest_first()
    {
        var later = Comment("c2", Reviewer, "!status", 5);
        var earlier = Comment("c1", Reviewer, "!help", 1);
        var answered = Comment("c0", Reviewer, "!sync", 0);
        var reply = Comment("r0", BotSession("x"), "done", 0, "c0");

        var pending = CommandLedger.Pending([later, earlier, answered, reply], s_bot, "!");

        Assert.Equal(["c1", "c2"], pending.Select(c => c.Id));
    }
}
