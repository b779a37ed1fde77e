using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>Pull requests, repositories and history through <see cref="CodeCommitClient"/> and the fake.</summary>
public sealed class CodeCommitPullRequestTests : IAsyncLifetime
{
    private CodeCommitWorld _world = null!;

    public async Task InitializeAsync() => _world = await CodeCommitWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task An_opened_pull_request_is_read_back_with_full_refs_and_the_branch_tips()
    {
        var opened = await _world.OpenAsync();
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var pr = await bot.GetPullRequestAsync(opened.PullRequestId!);

        var target = Assert.Single(pr.PullRequestTargets);
        Assert.Equal(CodeCommitPullRequest.Open, pr.PullRequestStatus);
        Assert.Equal("Views from dev", pr.Title);
        Assert.Equal(CodeCommitWorld.Reviewer.Arn, pr.AuthorArn);
        Assert.Equal(CodeCommitWorld.RepositoryName, target.RepositoryName);
        Assert.Equal("refs/heads/dev", target.SourceReference);
        Assert.Equal("refs/heads/main", target.DestinationReference);
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "dev"), target.SourceCommit);
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "main"), target.DestinationCommit);
        Assert.Equal(await _world.RemoteGitAsync("merge-base", "dev", "main"), target.MergeBase);
        Assert.False(target.MergeMetadata!.IsMerged);
        Assert.NotNull(pr.RevisionId);
    }

    [Fact(Timeout = 30_000)]
    public async Task Opening_twice_with_one_token_opens_one_pull_request()
    {
        var first = await _world.OpenAsync(token: "open-dev-once");

        var second = await _world.OpenAsync(token: "open-dev-once");

        Assert.Equal(first.PullRequestId, second.PullRequestId);
        using var bot = _world.Client(CodeCommitWorld.Bot);
        Assert.Single(await bot.GetPullRequestIdsAsync(new ListPullRequestsRequest(CodeCommitWorld.RepositoryName)).ToListAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task Listing_walks_every_page_and_filters_by_status()
    {
        var ids = new List<string>();
        foreach (var branch in new[] { "one", "two", "three" })
        {
            await _world.CommitAsync(branch, $"views/{branch}.sql", "SELECT 2\n");
            ids.Add((await _world.OpenAsync(branch)).PullRequestId!);
        }

        using var bot = _world.Client(CodeCommitWorld.Bot);
        await bot.UpdatePullRequestStatusAsync(ids[1], CodeCommitPullRequest.Closed);

        var all = await bot.GetPullRequestIdsAsync(new ListPullRequestsRequest(CodeCommitWorld.RepositoryName) { MaxResults = 1 }).ToListAsync();
        var open = await bot.GetPullRequestIdsAsync(
            new ListPullRequestsRequest(CodeCommitWorld.RepositoryName) { PullRequestStatus = CodeCommitPullRequest.Open }).ToListAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(3, _world.Fake.Exchanges.Count(e => e.Operation == "ListPullRequests" && e.RequestBody.Contains("\"maxResults\":1", StringComparison.Ordinal)));
        Assert.Equal(new[] { ids[0], ids[2] }.Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_closed_pull_request_stays_unmerged_and_cannot_be_reopened()
    {
        var pr = await _world.OpenAsync();
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var closed = await bot.UpdatePullRequestStatusAsync(pr.PullRequestId!, CodeCommitPullRequest.Closed);
        var closedAgain = await bot.UpdatePullRequestStatusAsync(pr.PullRequestId!, CodeCommitPullRequest.Closed);
        var reopen = await Assert.ThrowsAsync<AwsServiceException>(
            () => bot.UpdatePullRequestStatusAsync(pr.PullRequestId!, CodeCommitPullRequest.Open));

        Assert.Equal(CodeCommitPullRequest.Closed, closed.PullRequestStatus);
        Assert.False(closed.PullRequestTargets[0].MergeMetadata!.IsMerged);
        Assert.Equal(CodeCommitPullRequest.Closed, closedAgain.PullRequestStatus);
        Assert.Equal("InvalidPullRequestStatusUpdateException", reopen.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_history_tells_creation_source_updates_and_closing_oldest_first()
    {
        var pr = await _world.OpenAsync();
        var before = await _world.RemoteGitAsync("rev-parse", "dev");
        var after = await _world.CommitAsync("dev", "views/b.sql", "SELECT 3\n");
        using var bot = _world.Client(CodeCommitWorld.Bot);
        await bot.UpdatePullRequestStatusAsync(pr.PullRequestId!, CodeCommitPullRequest.Closed);

        var events = await bot.GetPullRequestEventsAsync(new DescribePullRequestEventsRequest(pr.PullRequestId!) { MaxResults = 1 }).ToListAsync();

        Assert.Equal(
            [CodeCommitPullRequestEvent.Created, CodeCommitPullRequestEvent.SourceReferenceUpdated, CodeCommitPullRequestEvent.StatusChanged],
            events.Select(e => e.PullRequestEventType));
        Assert.Equal(before, events[0].PullRequestCreatedEventMetadata!.SourceCommitId);
        Assert.Equal(before, events[1].PullRequestSourceReferenceUpdatedEventMetadata!.BeforeCommitId);
        Assert.Equal(after, events[1].PullRequestSourceReferenceUpdatedEventMetadata!.AfterCommitId);
        Assert.Equal(CodeCommitPullRequest.Closed, events[2].PullRequestStatusChangedEventMetadata!.PullRequestStatus);
        Assert.Equal(CodeCommitWorld.Bot.Arn, events[2].ActorArn);
        var only = await bot.GetPullRequestEventsAsync(
            new DescribePullRequestEventsRequest(pr.PullRequestId!) { PullRequestEventType = CodeCommitPullRequestEvent.StatusChanged }).ToListAsync();
        Assert.Equal(CodeCommitPullRequestEvent.StatusChanged, Assert.Single(only).PullRequestEventType);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_follows_its_source_branch_while_open()
    {
        var pr = await _world.OpenAsync();
        var pushed = await _world.CommitAsync("dev", "views/c.sql", "SELECT 4\n");
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var current = await bot.GetPullRequestAsync(pr.PullRequestId!);

        Assert.Equal(pushed, current.PullRequestTargets[0].SourceCommit);
        Assert.NotEqual(pr.RevisionId, current.RevisionId);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_repository_is_described_with_its_clone_urls_and_default_branch()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var repository = await bot.GetRepositoryAsync(CodeCommitWorld.RepositoryName);

        Assert.Equal(CodeCommitWorld.RepositoryName, repository.RepositoryName);
        Assert.Equal("main", repository.DefaultBranch);
        Assert.Equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/mirror", repository.CloneUrlHttp);
        Assert.Equal("arn:aws:codecommit:us-east-1:123456789012:mirror", repository.Arn);
        Assert.Equal(_world.Fake.AccountId, repository.AccountId);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_pull_request_is_a_plain_error_that_names_the_operation()
    {
        using var bot = _world.Client(CodeCommitWorld.Bot);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bot.GetPullRequestAsync("999"));

        Assert.Equal("PullRequestDoesNotExistException", error.ErrorCode);
        Assert.Equal("CodeCommit", error.Service);
        Assert.Equal("GetPullRequest", error.Operation);
        Assert.False(error.IsFatal);
        Assert.StartsWith("CodeCommit GetPullRequest failed with PullRequestDoesNotExistException (HTTP 400): ", error.Message, StringComparison.Ordinal);
    }
}
