using System.Globalization;
using System.Text.Json;
using LakehouseManager.Fakes.Aws;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>
/// The official AWS CLI 2 (Debian's awscli 2.9, with its own botocore) drives the fake through every CodeCommit
/// operation we use. The fake verifies the CLI's SigV4 signatures, the CLI parses the fake's answers with botocore's
/// parsers and walks its page tokens (<c>--page-size</c>), so both sides of the protocol are checked by AWS's code.
/// </summary>
public sealed class CodeCommitFakeAwsCliTests : IAsyncLifetime
{
    private CodeCommitWorld _world = null!;

    public async Task InitializeAsync() => _world = await CodeCommitWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact(Timeout = 300_000)]
    public async Task The_cli_creates_reads_and_lists_pull_requests_page_by_page()
    {
        var created = await AwsAsync("create-pull-request", "--title", "Views", "--description", "From dev",
            "--targets", "repositoryName=mirror,sourceReference=dev,destinationReference=main", "--client-request-token", "cli-1");
        await _world.CommitAsync("other", "views/o.sql", "SELECT 2\n");
        await _world.OpenAsync("other");
        var id = created.GetProperty("pullRequest").GetProperty("pullRequestId").GetString()!;

        var read = (await AwsAsync("get-pull-request", "--pull-request-id", id)).GetProperty("pullRequest");
        var listed = await AwsAsync("list-pull-requests", "--repository-name", "mirror", "--page-size", "1");

        var target = read.GetProperty("pullRequestTargets")[0];
        Assert.Equal("OPEN", read.GetProperty("pullRequestStatus").GetString());
        Assert.Equal("cli-1", read.GetProperty("clientRequestToken").GetString());
        Assert.Equal("refs/heads/dev", target.GetProperty("sourceReference").GetString());
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "dev"), target.GetProperty("sourceCommit").GetString());
        Assert.False(target.GetProperty("mergeMetadata").GetProperty("isMerged").GetBoolean());
        Assert.True(DateTimeOffset.TryParse(read.GetProperty("creationDate").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(["2", id], listed.GetProperty("pullRequestIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, _world.Fake.Exchanges.Count(e => e.Operation == "ListPullRequests"));
    }

    [Fact(Timeout = 300_000)]
    public async Task The_cli_posts_replies_and_reads_comments_page_by_page()
    {
        var pr = await _world.OpenAsync();
        var target = pr.PullRequestTargets[0];

        var posted = await AwsAsync("post-comment-for-pull-request", "--pull-request-id", pr.PullRequestId!, "--repository-name", "mirror",
            "--before-commit-id", target.DestinationCommit!, "--after-commit-id", target.SourceCommit!, "--content", "!test",
            "--client-request-token", "cli-comment");
        var commentId = posted.GetProperty("comment").GetProperty("commentId").GetString()!;
        var reply = await AwsAsync("post-comment-reply", "--in-reply-to", commentId, "--content", "3 passed", "--client-request-token", "cli-reply");
        var read = await AwsAsync("get-comment", "--comment-id", commentId);
        var all = await AwsAsync("get-comments-for-pull-request", "--pull-request-id", pr.PullRequestId!, "--page-size", "1");

        Assert.Equal(target.SourceCommit, posted.GetProperty("afterCommitId").GetString());
        Assert.Equal(commentId, reply.GetProperty("comment").GetProperty("inReplyTo").GetString());
        Assert.Equal("!test", read.GetProperty("comment").GetProperty("content").GetString());
        Assert.Equal(CodeCommitWorld.Reviewer.Arn, read.GetProperty("comment").GetProperty("authorArn").GetString());
        Assert.Equal(
            ["!test", "3 passed"],
            all.GetProperty("commentsForPullRequestData").EnumerateArray()
                .SelectMany(g => g.GetProperty("comments").EnumerateArray()).Select(c => c.GetProperty("content").GetString()));
        Assert.Equal(2, _world.Fake.Exchanges.Count(e => e.Operation == "GetCommentsForPullRequest"));
    }

    [Fact(Timeout = 300_000)]
    public async Task The_cli_reads_the_history_and_the_repository()
    {
        var pr = await _world.OpenAsync();
        await _world.CommitAsync("dev", "views/b.sql", "SELECT 2\n");
        await _world.Fake.RefreshAsync();

        var history = await AwsAsync("describe-pull-request-events", "--pull-request-id", pr.PullRequestId!, "--page-size", "1");
        var repository = (await AwsAsync("get-repository", "--repository-name", "mirror")).GetProperty("repositoryMetadata");

        Assert.Equal(
            ["PULL_REQUEST_CREATED", "PULL_REQUEST_SOURCE_REFERENCE_UPDATED"],
            history.GetProperty("pullRequestEvents").EnumerateArray().Select(e => e.GetProperty("pullRequestEventType").GetString()));
        Assert.Equal(_world.Repository.RepositoryId, repository.GetProperty("repositoryId").GetString());
        Assert.Equal("main", repository.GetProperty("defaultBranch").GetString());
        Assert.Equal(_world.Repository.Arn, repository.GetProperty("Arn").GetString());
    }

    [Fact(Timeout = 300_000)]
    public async Task The_cli_merges_in_each_of_the_three_ways_and_closes()
    {
        var fastForward = await _world.OpenAsync();
        await _world.CommitAsync("squash", "views/s.sql", "SELECT 3\n");
        var squash = await _world.OpenAsync("squash");
        await _world.CommitAsync("threeway", "views/t.sql", "SELECT 4\n");
        var threeWay = await _world.OpenAsync("threeway");
        await _world.CommitAsync("closed", "views/c.sql", "SELECT 5\n");
        var closed = await _world.OpenAsync("closed");

        var ff = await AwsAsync("merge-pull-request-by-fast-forward", "--pull-request-id", fastForward.PullRequestId!, "--repository-name", "mirror");
        var sq = await AwsAsync("merge-pull-request-by-squash", "--pull-request-id", squash.PullRequestId!, "--repository-name", "mirror",
            "--commit-message", "Squashed", "--author-name", "CLI", "--email", "cli@example.com");
        var tw = await AwsAsync("merge-pull-request-by-three-way", "--pull-request-id", threeWay.PullRequestId!, "--repository-name", "mirror");
        var cl = await AwsAsync("update-pull-request-status", "--pull-request-id", closed.PullRequestId!, "--pull-request-status", "CLOSED");

        Assert.Equal(
            ["FAST_FORWARD_MERGE", "SQUASH_MERGE", "THREE_WAY_MERGE"],
            new[] { ff, sq, tw }.Select(r => r.GetProperty("pullRequest").GetProperty("pullRequestTargets")[0].GetProperty("mergeMetadata").GetProperty("mergeOption").GetString()));
        Assert.Equal(CodeCommitWorld.Reviewer.Arn, tw.GetProperty("pullRequest").GetProperty("pullRequestTargets")[0].GetProperty("mergeMetadata").GetProperty("mergedBy").GetString());
        Assert.Equal(await _world.RemoteGitAsync("rev-parse", "main"), tw.GetProperty("pullRequest").GetProperty("pullRequestTargets")[0].GetProperty("mergeMetadata").GetProperty("mergeCommitId").GetString());
        Assert.Equal("CLOSED", cl.GetProperty("pullRequest").GetProperty("pullRequestStatus").GetString());
        Assert.False(cl.GetProperty("pullRequest").GetProperty("pullRequestTargets")[0].GetProperty("mergeMetadata").GetProperty("isMerged").GetBoolean());
    }

    [Fact(Timeout = 300_000)]
    public async Task The_cli_reports_the_fakes_errors_by_their_model_names()
    {
        var (_, error, exitCode) = await DebianAwsCli.RunAsync(
            _world.Fake.BaseAddress, _world.Fake.Region, CodeCommitWorld.Reviewer, "codecommit", "get-pull-request", "--pull-request-id", "999");
        var (_, badKey, badKeyExit) = await DebianAwsCli.RunAsync(
            _world.Fake.BaseAddress, _world.Fake.Region, new AwsFakeIdentity("AKIAEXAMPLEUNKNOWN01", "unknown/secret/EXAMPLEKEY", "arn:aws:iam::123456789012:user/unknown"),
            "codecommit", "get-repository", "--repository-name", "mirror");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("An error occurred (PullRequestDoesNotExistException) when calling the GetPullRequest operation", error, StringComparison.Ordinal);
        Assert.NotEqual(0, badKeyExit);
        Assert.Contains("(UnrecognizedClientException) when calling the GetRepository operation", badKey, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AwsAsync(params string[] arguments)
    {
        var (output, error, exitCode) = await DebianAwsCli.RunAsync(
            _world.Fake.BaseAddress, _world.Fake.Region, CodeCommitWorld.Reviewer, ["codecommit", .. arguments]);
        Assert.True(exitCode == 0, $"aws codecommit {string.Join(' ', arguments)} failed ({exitCode}): {error}");
        return output;
    }
}
