using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>The fake's merges, checked in its bare git repository.</summary>
public sealed class CodeCommitMergeTests : IAsyncLifetime
{
    private CodeCommitWorld _world = null!;

    public async Task InitializeAsync() => _world = await CodeCommitWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_fast_forward_merge_moves_main_to_the_source_and_records_who_merged()
    {
        var pr = await _world.OpenAsync();
        var source = pr.PullRequestTargets[0].SourceCommit!;
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var merged = await bot.MergePullRequestByFastForwardAsync(
            new MergePullRequestByFastForwardRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName) { SourceCommitId = source });

        var metadata = merged!.PullRequestTargets[0].MergeMetadata!;
        Assert.Equal(source, await _world.RemoteGitAsync("rev-parse", "main"));
        Assert.Equal(CodeCommitPullRequest.Closed, merged.PullRequestStatus);
        Assert.True(metadata.IsMerged);
        Assert.Equal(CodeCommitWorld.Bot.Arn, metadata.MergedBy);
        Assert.Equal(source, metadata.MergeCommitId);
        Assert.Equal(CodeCommitMergeMetadata.FastForward, metadata.MergeOption);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_squash_merge_puts_one_commit_with_the_source_tree_on_main()
    {
        var pr = await _world.OpenAsync();
        var main = await _world.RemoteGitAsync("rev-parse", "main");
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var merged = await bot.MergePullRequestWithCommitAsync(
            new MergePullRequestWithCommitRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: false)
            {
                CommitMessage = "Squashed views",
                AuthorName = "Lakehouse Manager",
                Email = "bot@example.com",
            });

        var head = await _world.RemoteGitAsync("rev-parse", "main");
        Assert.Equal(head, merged!.PullRequestTargets[0].MergeMetadata!.MergeCommitId);
        Assert.Equal(main, await _world.RemoteGitAsync("rev-parse", "main^"));
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "dev^{tree}"), await _world.RemoteGitAsync("rev-parse", "main^{tree}"));
        Assert.Equal("Squashed views|Lakehouse Manager|bot@example.com", await _world.RemoteGitAsync("log", "-1", "--format=%s|%an|%ae", "main"));
        Assert.Equal(CodeCommitMergeMetadata.Squash, merged.PullRequestTargets[0].MergeMetadata!.MergeOption);
    }

    [Fact(Timeout = 30_000)]
    public async Task When_main_moved_on_only_a_three_way_merge_joins_both_histories()
    {
        var pr = await _world.OpenAsync();
        var mainTip = await _world.CommitAsync("main", "README.md", "mirror of the catalog\n");
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var fastForward = await Assert.ThrowsAsync<AwsServiceException>(() => bot.MergePullRequestByFastForwardAsync(
            new MergePullRequestByFastForwardRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName)));
        var merged = await bot.MergePullRequestWithCommitAsync(
            new MergePullRequestWithCommitRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: true));

        Assert.Equal("ManualMergeRequiredException", fastForward.ErrorCode);
        var parents = await _world.RemoteGitAsync("log", "-1", "--format=%P", "main");
        Assert.Equal($"{mainTip} {pr.PullRequestTargets[0].SourceCommit}", parents);
        Assert.Equal(CodeCommitMergeMetadata.ThreeWay, merged!.PullRequestTargets[0].MergeMetadata!.MergeOption);
    }

    [Fact(Timeout = 30_000)]
    public async Task Conflicting_edits_need_a_manual_merge_and_leave_main_alone()
    {
        await _world.CommitAsync("dev", "README.md", "dev's readme\n");
        var pr = await _world.OpenAsync();
        var mainTip = await _world.CommitAsync("main", "README.md", "main's readme\n");
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bot.MergePullRequestWithCommitAsync(
            new MergePullRequestWithCommitRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: false)));

        Assert.Equal("ManualMergeRequiredException", error.ErrorCode);
        Assert.Equal(mainTip, await _world.RemoteGitAsync("rev-parse", "main"));
        Assert.Equal(CodeCommitPullRequest.Open, (await bot.GetPullRequestAsync(pr.PullRequestId!)).PullRequestStatus);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_stale_source_commit_or_a_second_merge_is_refused()
    {
        var pr = await _world.OpenAsync();
        var stale = pr.PullRequestTargets[0].SourceCommit!;
        await _world.CommitAsync("dev", "views/b.sql", "SELECT 2\n");
        using var bot = _world.Client(CodeCommitWorld.Bot);
        var request = new MergePullRequestByFastForwardRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName);

        var tip = await Assert.ThrowsAsync<AwsServiceException>(
            () => bot.MergePullRequestByFastForwardAsync(request with { SourceCommitId = stale }));
        await bot.MergePullRequestByFastForwardAsync(request);
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => bot.MergePullRequestByFastForwardAsync(request));

        Assert.Equal("TipOfSourceReferenceIsDifferentException", tip.ErrorCode);
        Assert.Equal("PullRequestAlreadyClosedException", again.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merge_whose_answer_is_lost_is_not_sent_again()
    {
        var pr = await _world.OpenAsync();
        using var bot = _world.Client(CodeCommitWorld.Bot);
        _world.Fake.FailNextCallsAfterHandling(1, "InternalFailure", 500);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bot.MergePullRequestByFastForwardAsync(
            new MergePullRequestByFastForwardRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName)));

        // A merge carries no idempotency token, so a 5xx is reported rather than retried; the state tells the truth.
        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Single(_world.Fake.Exchanges, e => e.Operation == "MergePullRequestByFastForward");
        Assert.True((await bot.GetPullRequestAsync(pr.PullRequestId!)).PullRequestTargets[0].MergeMetadata!.IsMerged);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merged_pull_request_keeps_its_commits_when_the_source_branch_is_deleted()
    {
        var pr = await _world.OpenAsync();
        using var bot = _world.Client(CodeCommitWorld.Bot);
        await bot.MergePullRequestByFastForwardAsync(new MergePullRequestByFastForwardRequest(pr.PullRequestId!, CodeCommitWorld.RepositoryName));

        await _world.RemoteGitAsync("branch", "-D", "dev");
        var read = await bot.GetPullRequestAsync(pr.PullRequestId!);

        var target = read.PullRequestTargets[0];
        Assert.Equal(pr.PullRequestTargets[0].SourceCommit, target.SourceCommit);
        Assert.Equal("refs/heads/dev", target.SourceReference);
        Assert.True(target.MergeMetadata!.IsMerged);
    }
}
