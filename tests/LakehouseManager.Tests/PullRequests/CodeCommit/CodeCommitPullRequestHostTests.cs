using LakehouseManager.PullRequests;
using LakehouseManager.PullRequests.CodeCommit;
using LakehouseManager.Tests.Aws.CodeCommit;
using Xunit;

namespace LakehouseManager.Tests.PullRequests.CodeCommit;

/// <summary>The CodeCommit host on the port, against the CodeCommit fake (real git behind it, signatures verified).</summary>
public sealed class CodeCommitPullRequestHostTests
{
    private const string BotRole = "arn:aws:iam::123456789012:role/lakehouse-manager";

    [Fact(Timeout = 60_000)]
    public async Task A_pull_request_is_read_with_its_branches_commits_and_merge_metadata()
    {
        await using var world = await CodeCommitWorld.StartAsync();
        var opened = await world.OpenAsync();
        using var client = world.Client(CodeCommitWorld.Bot);
        var host = new CodeCommitPullRequestHost(client, CodeCommitWorld.RepositoryName, BotRole);

        var open = await host.GetPullRequestAsync(PullRequestSelector.ById(opened.PullRequestId!));
        using (var reviewer = world.Client(CodeCommitWorld.Reviewer))
        {
            await reviewer.MergePullRequestWithCommitAsync(
                new LakehouseManager.Aws.CodeCommit.Operations.MergePullRequestWithCommitRequest(opened.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: false));
        }

        var merged = await host.GetPullRequestAsync(new PullRequestSelector(opened.PullRequestId, "dev", "main"));

        Assert.Equal((PullRequestStatus.Open, "dev", "main", CodeCommitWorld.RepositoryName), (open.Status, open.SourceBranch, open.TargetBranch, open.Repository));
        Assert.False(open.IsMerged);
        Assert.Equal(PullRequestStatus.Closed, merged.Status);
        Assert.Equal(PullRequestMergeOption.Squash, merged.Merge!.Option);
        Assert.Equal(open.SourceCommit, merged.Merge.SourceCommit);
        Assert.Equal(CodeCommitWorld.Reviewer.Arn, merged.Merge.MergedBy);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_pull_request_another_repositorys_and_wrong_branches_are_clear_errors()
    {
        await using var world = await CodeCommitWorld.StartAsync();
        var opened = await world.OpenAsync();
        using var client = world.Client(CodeCommitWorld.Bot);
        var host = new CodeCommitPullRequestHost(client, CodeCommitWorld.RepositoryName, BotRole);
        var other = new CodeCommitPullRequestHost(client, "other-repo", BotRole);

        var missing = await Assert.ThrowsAsync<LakehouseException>(() => host.GetPullRequestAsync(PullRequestSelector.ById("999")));
        var foreign = await Assert.ThrowsAsync<LakehouseException>(() => other.GetPullRequestAsync(PullRequestSelector.ById(opened.PullRequestId!)));
        var branches = await Assert.ThrowsAsync<LakehouseException>(
            () => host.GetPullRequestAsync(new PullRequestSelector(opened.PullRequestId, "feature", "main")));
        var byBranches = await Assert.ThrowsAsync<LakehouseException>(() => host.GetPullRequestAsync(PullRequestSelector.ByBranches("dev", "main")));

        Assert.StartsWith("Pull request 999 does not exist in CodeCommit", missing.Message, StringComparison.Ordinal);
        Assert.Contains("--pull-request-id", missing.Message, StringComparison.Ordinal);
        Assert.Equal(
            $"Pull request {opened.PullRequestId} belongs to CodeCommit repository 'mirror', not to 'other-repo' (--repo-name): this pipeline handles its own repository only.",
            foreign.Message);
        Assert.Contains("is dev → main, not feature → main", branches.Message, StringComparison.Ordinal);
        Assert.Contains("pass --pull-request-id", byBranches.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Comments_are_listed_oldest_first_with_replies_and_the_tools_identity_is_its_role()
    {
        await using var world = await CodeCommitWorld.StartAsync();
        var opened = await world.OpenAsync();
        using var client = world.Client(CodeCommitWorld.Bot);
        var host = new CodeCommitPullRequestHost(client, CodeCommitWorld.RepositoryName, BotRole);
        var pullRequest = await host.GetPullRequestAsync(PullRequestSelector.ById(opened.PullRequestId!));

        var first = await host.PostCommentAsync(pullRequest, "first", IdempotencyToken.For("t", "1"));
        var reply = await host.ReplyAsync(pullRequest, first.Id, "reply", IdempotencyToken.For("t", "2"));
        var comments = await host.ListCommentsAsync(pullRequest).ToListAsync();
        var identity = await host.GetIdentityAsync();

        Assert.Equal([first.Id, reply.Id], comments.Select(c => c.Id));
        Assert.Equal(first.Id, comments[1].InReplyTo);
        Assert.All(comments, c => Assert.True(identity.Wrote(c)));
        Assert.Equal(reply, await host.GetCommentAsync(pullRequest, reply.Id));
        Assert.Null(await host.GetCommentAsync(pullRequest, "not-a-comment"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_token_used_again_with_another_text_returns_the_comment_it_first_posted()
    {
        await using var world = await CodeCommitWorld.StartAsync();
        var opened = await world.OpenAsync();
        using var client = world.Client(CodeCommitWorld.Bot);
        var host = new CodeCommitPullRequestHost(client, CodeCommitWorld.RepositoryName, BotRole);
        var pullRequest = await host.GetPullRequestAsync(PullRequestSelector.ById(opened.PullRequestId!));
        var command = await host.PostCommentAsync(pullRequest, "!test", IdempotencyToken.For("command"));
        var token = IdempotencyToken.For("report", command.Id);

        var first = await host.ReplyAsync(pullRequest, command.Id, "report: 12 ms", token);
        var second = await host.ReplyAsync(pullRequest, command.Id, "report: 15 ms", token);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("report: 12 ms", second.Body);
        Assert.Equal(2, (await host.ListCommentsAsync(pullRequest).ToListAsync()).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_bot_arn_the_identity_is_asked_for_and_a_bad_one_is_refused()
    {
        await using var world = await CodeCommitWorld.StartAsync();
        using var client = world.Client(CodeCommitWorld.Bot);

        var missing = await Assert.ThrowsAsync<LakehouseException>(() => new CodeCommitPullRequestHost(client, null, null).GetIdentityAsync());
        var bad = Assert.Throws<LakehouseException>(() => new CodeCommitPullRequestHost(client, null, "lakehouse-bot"));

        Assert.Contains("--bot-arn", missing.Message, StringComparison.Ordinal);
        Assert.Equal("--bot-arn 'lakehouse-bot' is not an ARN: expected e.g. arn:aws:iam::123456789012:role/lakehouse-manager.", bad.Message);
    }
}
