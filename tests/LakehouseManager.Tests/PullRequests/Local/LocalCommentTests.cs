using System.Globalization;
using LakehouseManager.IO;
using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Local;

public sealed class LocalCommentTests
{
    private static readonly PullRequest s_pullRequest = new(
        "mirror", "dev..main", "dev → main", PullRequestStatus.Open, "dev", "main", "aaaa1111", "bbbb2222", null);

    private static LocalPullRequestHost CreateHost(TempDirectory temp, TimeProvider? clock = null) =>
        new(new GitRepository(temp.Path), "views", temp.Combine("artifacts", "pull-requests"), timeProvider: clock);

    [Fact(Timeout = 60_000)]
    public async Task Comments_and_replies_are_numbered_files_with_front_matter_read_back_in_order()
    {
        using var temp = new TempDirectory();
        var clock = TestClock.Create();
        var host = CreateHost(temp, clock);

        var command = await host.PostCommentAsAsync(s_pullRequest, "alice", "!test");
        clock.Advance(TimeSpan.FromMinutes(1));
        var reply = await host.ReplyAsync(s_pullRequest, command.Id, "## Data tests\n\nAll passed.\n", "token-1");
        var comments = await host.ListCommentsAsync(s_pullRequest).ToListAsync();

        var folder = host.CommentFolder(s_pullRequest);
        Assert.Equal(temp.Combine("artifacts", "pull-requests", "dev..main"), folder);
        Assert.Equal(
            ["001-comment.md", "002-reply-to-001.md"],
            Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(
            "---\nauthor: lakehouse-manager\ndate: 2026-01-01T00:01:00.0000000+00:00\nin-reply-to: 1\ntoken: token-1\n---\n" +
            "## Data tests\n\nAll passed.\n",
            File.ReadAllText(Path.Combine(folder, "002-reply-to-001.md")));
        Assert.Equal([command, reply], comments);
        Assert.Equal(("1", "alice", null), (command.Id, command.Author, command.InReplyTo));
        Assert.Equal(("2", LocalPullRequestHost.DefaultAuthor, "1"), (reply.Id, reply.Author, reply.InReplyTo));
        Assert.Equal(clock.GetUtcNow(), reply.CreatedAt);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pull_request_without_comments_lists_none()
    {
        using var temp = new TempDirectory();

        var comments = await CreateHost(temp).ListCommentsAsync(s_pullRequest).ToListAsync();

        Assert.Empty(comments);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_branch_name_with_a_slash_gets_one_safe_folder()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        var pullRequest = s_pullRequest with { Id = "feature/orders..main", SourceBranch = "feature/orders" };

        await host.PostCommentAsync(pullRequest, "hello", "token-4");

        Assert.Equal(
            ["feature%2Forders..main"],
            Directory.GetDirectories(temp.Combine("artifacts", "pull-requests")).Select(Path.GetFileName));
    }

    [Fact(Timeout = 30_000)]
    public async Task Comments_posted_at_once_by_several_writers_get_distinct_numbers()
    {
        using var temp = new TempDirectory();
        var hosts = Enumerable.Range(0, 4).Select(_ => CreateHost(temp)).ToList();

        var posted = await Task.WhenAll(Enumerable.Range(1, 24).Select(i =>
            Task.Run(() => hosts[i % hosts.Count].PostCommentAsync(s_pullRequest, $"comment {i}", $"token-comment-{i}"))));
        var comments = await hosts[0].ListCommentsAsync(s_pullRequest).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 24), posted.Select(c => int.Parse(c.Id, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(
            posted.Select(c => c.Body).Order(StringComparer.Ordinal),
            comments.Select(c => c.Body).Order(StringComparer.Ordinal));
        Assert.Equal(posted.OrderBy(c => int.Parse(c.Id, CultureInfo.InvariantCulture)).Select(c => c.Id), comments.Select(c => c.Id));
        Assert.DoesNotContain(Directory.GetFiles(hosts[0].CommentFolder(s_pullRequest)), f => AtomicFile.IsTemporaryFileName(Path.GetFileName(f)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_comment_over_the_size_limit_is_refused_and_one_at_the_limit_is_posted()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);

        var atLimit = await host.PostCommentAsync(s_pullRequest, new string('x', host.MaxCommentLength), "token-5");
        var exception = await Assert.ThrowsAsync<LakehouseException>(
            () => host.PostCommentAsync(s_pullRequest, new string('x', host.MaxCommentLength + 1), "token-6"));

        Assert.Equal(10_240, host.MaxCommentLength);
        Assert.Equal(host.MaxCommentLength, atLimit.Body.Length);
        Assert.Contains("10241 characters long; the limit is 10240", exception.Message, StringComparison.Ordinal);
        Assert.Single(await host.ListCommentsAsync(s_pullRequest).ToListAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reply_to_a_comment_that_does_not_exist_is_refused()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        await host.PostCommentAsync(s_pullRequest, "first", "token-7");

        var missing = await Assert.ThrowsAsync<LakehouseException>(() => host.ReplyAsync(s_pullRequest, "7", "reply", "token-2"));
        var notANumber = await Assert.ThrowsAsync<LakehouseException>(() => host.ReplyAsync(s_pullRequest, "abc", "reply", "token-3"));

        Assert.Contains("no such comment", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ids are numbers", notANumber.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_comment_file_written_by_hand_without_front_matter_is_read_as_its_body()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        await host.PostCommentAsync(s_pullRequest, "first", "token-8");
        File.WriteAllText(Path.Combine(host.CommentFolder(s_pullRequest), "002-comment.md"), "!test tag:finance\n");
        File.WriteAllText(Path.Combine(host.CommentFolder(s_pullRequest), "notes.md"), "not a comment");

        var comments = await host.ListCommentsAsync(s_pullRequest).ToListAsync();

        Assert.Equal(["first", "!test tag:finance\n"], comments.Select(c => c.Body));
        Assert.Equal(("2", "unknown", null), (comments[1].Id, comments[1].Author, comments[1].InReplyTo));
    }

    [Fact]
    public void Long_pull_request_ids_make_short_unique_folder_names()
    {
        var first = PullRequestFolderName.For(new string('a', 200) + "..main");
        var second = PullRequestFolderName.For(new string('a', 200) + "..mainx");

        Assert.Equal(120, first.Length);
        Assert.NotEqual(first, second);
    }
}
