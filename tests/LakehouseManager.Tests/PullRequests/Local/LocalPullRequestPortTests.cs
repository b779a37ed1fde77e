using LakehouseManager.Mirror.Git;
using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.Local;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.Local;

/// <summary>What the pull-request port asks of every host, on the local host: identity, comments by id, idempotency.</summary>
public sealed class LocalPullRequestPortTests
{
    private static readonly PullRequest s_pullRequest = new(
        "mirror", "dev..main", "dev → main", PullRequestStatus.Open, "dev", "main", "aaaa1111", "bbbb2222");

    private static LocalPullRequestHost CreateHost(TempDirectory temp) =>
        new(new GitRepository(temp.Path), "views", temp.Combine("artifacts", "pull-requests"));

    [Fact(Timeout = 30_000)]
    public async Task The_host_knows_its_own_comments_from_a_reviewers()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);

        var identity = await host.GetIdentityAsync();
        var command = await host.PostCommentAsAsync(s_pullRequest, "reviewer", "!test");
        var reply = await host.ReplyAsync(s_pullRequest, command.Id, "results", "reply-token");

        Assert.Equal(LocalPullRequestHost.DefaultAuthor, identity.Author);
        Assert.True(identity.Wrote(reply));
        Assert.False(identity.Wrote(command));
    }

    [Fact(Timeout = 30_000)]
    public async Task One_comment_is_read_by_its_id_and_an_unknown_id_is_none()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        var first = await host.PostCommentAsAsync(s_pullRequest, "reviewer", "!test");
        await host.PostCommentAsync(s_pullRequest, "second", "second-token");

        var read = await host.GetCommentAsync(s_pullRequest, first.Id);
        var unknown = await host.GetCommentAsync(s_pullRequest, "9");
        var notAnId = await host.GetCommentAsync(s_pullRequest, "abc");

        Assert.Equal(first, read);
        Assert.Null(unknown);
        Assert.Null(notAnId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_post_retried_with_the_same_token_returns_the_first_comment_and_writes_no_second_file()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        var command = await host.PostCommentAsAsync(s_pullRequest, "reviewer", "!test");

        var reply = await host.ReplyAsync(s_pullRequest, command.Id, "results of run 1", "token-of-command-1");
        var retried = await host.ReplyAsync(s_pullRequest, command.Id, "results of run 2", "token-of-command-1");
        var posted = await host.PostCommentAsync(s_pullRequest, "merged", "token-of-merge");
        var replayed = await host.PostCommentAsync(s_pullRequest, "merged", "token-of-merge");
        var comments = await host.ListCommentsAsync(s_pullRequest).ToListAsync();

        Assert.Equal(reply, retried);
        Assert.Equal("results of run 1", retried.Body);
        Assert.Equal(posted, replayed);
        Assert.Equal(3, comments.Count);
        Assert.Equal(3, Directory.GetFiles(host.CommentFolder(s_pullRequest), "*.md").Length);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_a_person_edited_or_deleted_by_hand_reads_as_edited_or_deleted()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);
        var command = await host.PostCommentAsAsync(s_pullRequest, "reviewer", "!test");
        var other = await host.PostCommentAsAsync(s_pullRequest, "reviewer", "!sync");
        var folder = host.CommentFolder(s_pullRequest);
        var edited = Path.Combine(folder, "001-comment.md");
        await File.WriteAllTextAsync(
            edited, (await File.ReadAllTextAsync(edited)).Replace("---\n!test", "updated: 2030-01-02T03:04:05Z\n---\n!test tag:x"));
        var deleted = Path.Combine(folder, "002-comment.md");
        await File.WriteAllTextAsync(deleted, (await File.ReadAllTextAsync(deleted)).Replace("---\n!sync", "deleted: true\n---\n!sync"));

        var readEdited = await host.GetCommentAsync(s_pullRequest, command.Id);
        var readDeleted = await host.GetCommentAsync(s_pullRequest, other.Id);

        Assert.Equal("!test tag:x", readEdited!.Body);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), readEdited.UpdatedAt);
        Assert.False(readEdited.IsDeleted);
        Assert.True(readDeleted!.IsDeleted);
        Assert.Equal(string.Empty, readDeleted.Body);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_over_the_size_limit_is_refused_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var host = CreateHost(temp);

        var error = await Assert.ThrowsAsync<LakehouseException>(
            () => host.PostCommentAsync(s_pullRequest, new string('x', host.MaxCommentLength + 1), "token"));

        Assert.Contains($"the limit is {host.MaxCommentLength}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(host.CommentFolder(s_pullRequest)) &&
            Directory.GetFiles(host.CommentFolder(s_pullRequest), "*.md").Length > 0);
    }
}
