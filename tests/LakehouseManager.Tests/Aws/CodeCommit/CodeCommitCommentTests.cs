using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Fakes.CodeCommit;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>Comments, replies and their idempotency tokens through <see cref="CodeCommitClient"/> and the fake.</summary>
public sealed class CodeCommitCommentTests : IAsyncLifetime
{
    private CodeCommitWorld _world = null!;
    private CodeCommitPullRequest _pr = null!;

    public async Task InitializeAsync()
    {
        _world = await CodeCommitWorld.StartAsync();
        _pr = await _world.OpenAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string PullRequestId => _pr.PullRequestId!;

    [Fact(Timeout = 30_000)]
    public async Task A_comment_and_its_reply_come_back_as_one_thread_on_the_pull_requests_commits()
    {
        using var reviewer = _world.Client(CodeCommitWorld.Reviewer);
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var posted = await reviewer.PostCommentForPullRequestAsync(General("!test"));
        var reply = await bot.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment!.CommentId!, "All 3 tests passed."));
        var threads = await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(PullRequestId)).ToListAsync();

        var thread = Assert.Single(threads);
        Assert.Equal(_pr.PullRequestTargets[0].DestinationCommit, thread.BeforeCommitId);
        Assert.Equal(_pr.PullRequestTargets[0].SourceCommit, thread.AfterCommitId);
        Assert.Null(thread.Location);
        Assert.Equal(["!test", "All 3 tests passed."], thread.Comments.Select(c => c.Content));
        Assert.Equal([null, posted.Comment.CommentId], thread.Comments.Select(c => c.InReplyTo));
        Assert.Equal([CodeCommitWorld.Reviewer.Arn, CodeCommitWorld.Bot.Arn], thread.Comments.Select(c => c.AuthorArn));
        Assert.Equal(reply.Comment!.CommentId, thread.Comments[1].CommentId);
    }

    [Fact(Timeout = 30_000)]
    public async Task Posting_twice_with_one_token_returns_the_same_comment_and_one_event()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var first = await bot.PostCommentForPullRequestAsync(General("Synced 2 views.") with { ClientRequestToken = "sync-1" });
        var second = await bot.PostCommentForPullRequestAsync(General("Synced 2 views.") with { ClientRequestToken = "sync-1" });
        var replyOnce = await bot.PostCommentReplyAsync(new PostCommentReplyRequest(first.Comment!.CommentId!, "ok") { ClientRequestToken = "reply-1" });
        var replyTwice = await bot.PostCommentReplyAsync(new PostCommentReplyRequest(first.Comment!.CommentId!, "ok") { ClientRequestToken = "reply-1" });

        Assert.Equal(first.Comment!.CommentId, second.Comment!.CommentId);
        Assert.Equal(replyOnce.Comment!.CommentId, replyTwice.Comment!.CommentId);
        var comments = (await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(PullRequestId)).ToListAsync()).SelectMany(t => t.Comments);
        Assert.Equal(2, comments.Count());
        Assert.Equal(2, _world.Fake.Events.Count(e => e.DetailType == CodeCommitFakeEvent.CommentOnPullRequest));
    }

    [Fact(Timeout = 30_000)]
    public async Task One_token_for_other_content_is_an_idempotency_mismatch()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);
        await bot.PostCommentForPullRequestAsync(General("first") with { ClientRequestToken = "t-1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => bot.PostCommentForPullRequestAsync(General("second") with { ClientRequestToken = "t-1" }));

        Assert.Equal("IdempotencyParameterMismatchException", error.ErrorCode);
        Assert.False(error.IsFatal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_of_10240_characters_is_accepted_and_one_more_is_refused()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var atLimit = await bot.PostCommentForPullRequestAsync(General(new string('x', CodeCommitComment.MaxContentLength)));
        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => bot.PostCommentForPullRequestAsync(General(new string('x', CodeCommitComment.MaxContentLength + 1))));

        Assert.Equal(CodeCommitComment.MaxContentLength, atLimit.Comment!.Content!.Length);
        Assert.Equal("CommentContentSizeLimitExceededException", error.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_client_without_a_token_sends_one_so_a_lost_answer_posts_once()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);
        _world.Fake.FailNextCallsAfterHandling(1, "InternalFailure", 500);

        var posted = await bot.PostCommentForPullRequestAsync(General("Tests: 3 passed"));

        var calls = _world.Fake.Exchanges.Where(e => e.Operation == "PostCommentForPullRequest").ToList();
        Assert.Equal([500, 200], calls.Select(c => c.StatusCode));
        Assert.NotNull(posted.Comment!.ClientRequestToken);
        Assert.Single((await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(PullRequestId)).ToListAsync()).SelectMany(t => t.Comments));
    }

    [Fact(Timeout = 30_000)]
    public async Task Comments_are_read_page_by_page_in_thread_order()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);
        var first = await bot.PostCommentForPullRequestAsync(General("one"));
        await bot.PostCommentForPullRequestAsync(General("two"));
        await bot.PostCommentReplyAsync(new PostCommentReplyRequest(first.Comment!.CommentId!, "reply to one"));

        var pages = await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(PullRequestId) { MaxResults = 1 }).ToListAsync();

        // All general comments share the pull request's commits, so they form one group, split over three pages.
        Assert.Equal(["one", "two", "reply to one"], pages.SelectMany(p => p.Comments).Select(c => c.Content));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(_pr.PullRequestTargets[0].SourceCommit, p.AfterCommitId));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_file_comment_forms_its_own_group_with_blob_ids()
    {
        using var reviewer = _world.Client(CodeCommitWorld.Reviewer);
        await reviewer.PostCommentForPullRequestAsync(General("general"));

        var posted = await reviewer.PostCommentForPullRequestAsync(
            General("this join looks wrong") with { Location = new CodeCommitLocation("views/a.sql", 1, "AFTER") });
        var threads = await reviewer.GetCommentsAsync(new GetCommentsForPullRequestRequest(PullRequestId)).ToListAsync();

        Assert.Equal(2, threads.Count);
        Assert.Equal("views/a.sql", threads[1].Location!.FilePath);
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "dev:views/a.sql"), posted.AfterBlobId);
        Assert.Null(posted.BeforeBlobId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_is_read_by_id_and_a_deleted_one_is_marked_without_content()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);
        var posted = await bot.PostCommentForPullRequestAsync(General("!test"));

        var read = await bot.GetCommentAsync(posted.Comment!.CommentId!);
        await _world.Fake.DeleteCommentAsync(posted.Comment.CommentId!);
        var deleted = await bot.GetCommentAsync(posted.Comment.CommentId!);
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => bot.GetCommentAsync("no-such-comment"));

        Assert.Equal("!test", read.Content);
        Assert.False(read.Deleted);
        Assert.True(deleted.Deleted);
        Assert.Null(deleted.Content);
        Assert.Equal("CommentDoesNotExistException", missing.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_comment_on_another_repository_is_refused()
    {
        await _world.Fake.CreateRepositoryAsync("other");
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => bot.PostCommentForPullRequestAsync(General("x") with { RepositoryName = "other" }));

        Assert.Equal("RepositoryNotAssociatedWithPullRequestException", error.ErrorCode);
    }

    private PostCommentForPullRequestRequest General(string content) => new(
        PullRequestId,
        CodeCommitWorld.RepositoryName,
        _pr.PullRequestTargets[0].DestinationCommit!,
        _pr.PullRequestTargets[0].SourceCommit!,
        content);
}
