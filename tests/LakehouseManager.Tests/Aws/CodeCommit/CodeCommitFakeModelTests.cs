using System.Text.Json;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Tests.Aws.Botocore;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>
/// Every response the fake gives in a scenario that calls each CodeCommit operation we use (successes and modeled
/// errors) conforms to botocore's output shapes, and every request our client sends to its input shapes.
/// </summary>
public sealed class CodeCommitFakeModelTests
{
    /// <summary>The operations of api-facts C.2 that the product and the tests call.</summary>
    public static readonly string[] Operations =
    [
        "CreatePullRequest", "GetPullRequest", "ListPullRequests", "DescribePullRequestEvents", "GetRepository",
        "PostCommentForPullRequest", "PostCommentReply", "GetComment", "GetCommentsForPullRequest",
        "UpdatePullRequestStatus", "MergePullRequestByFastForward", "MergePullRequestBySquash", "MergePullRequestByThreeWay",
    ];

    [Fact(Timeout = 60_000)]
    public async Task Every_response_and_request_of_a_full_scenario_conforms_to_botocores_model()
    {
        var model = await BotocoreModels.LoadAsync("codecommit");
        await using var world = await CodeCommitWorld.StartAsync();

        await RunScenarioAsync(world);

        var exchanges = world.Fake.Exchanges;
        var problems = new List<string>();
        foreach (var exchange in exchanges)
        {
            using var request = JsonDocument.Parse(exchange.RequestBody);
            using var response = JsonDocument.Parse(exchange.ResponseBody);
            problems.AddRange(model.ValidateInput(exchange.Operation, request.RootElement));
            problems.AddRange(exchange.ErrorCode is { } code
                ? model.ValidateError(exchange.Operation, code)
                : model.ValidateOutput(exchange.Operation, response.RootElement));
        }

        Assert.Empty(problems);
        Assert.Empty(Operations.Except(exchanges.Where(e => e.StatusCode == 200).Select(e => e.Operation)));
        Assert.Equal(
            [
                "PullRequestDoesNotExistException", "InvalidPullRequestIdException", "CommentDoesNotExistException",
                "RepositoryDoesNotExistException", "InvalidPullRequestStatusUpdateException", "PullRequestAlreadyClosedException",
                "CommentContentSizeLimitExceededException", "IdempotencyParameterMismatchException", "InvalidMaxResultsException",
                "SourceAndDestinationAreSameException", "ReferenceDoesNotExistException",
            ],
            exchanges.Where(e => e.ErrorCode is not null).Select(e => e.ErrorCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_validator_catches_unknown_members_wrong_types_missing_members_and_bad_enums()
    {
        var model = await BotocoreModels.LoadAsync("codecommit");
        using var output = JsonDocument.Parse(
            """
            {"pullRequest":{"pullRequestId":7,"pullRequestStatus":"MERGED","creationDate":"yesterday","pullRequestTargets":
              [{"repositoryName":"r","mergeMetadata":{"isMerged":"True"},"sourceRef":"refs/heads/dev"}]}}
            """);
        using var missing = JsonDocument.Parse("{}");

        var problems = model.ValidateOutput("GetPullRequest", output.RootElement);

        Assert.Equal(
            [
                "GetPullRequest.pullRequest.pullRequestId: expected a string (PullRequestId), got Number",
                "GetPullRequest.pullRequest.pullRequestStatus: 'MERGED' is not one of PullRequestStatusEnum's values",
                "GetPullRequest.pullRequest.creationDate: expected a unixTimestamp timestamp (CreationDate), got yesterday",
                "GetPullRequest.pullRequest.pullRequestTargets[0].mergeMetadata.isMerged: expected a boolean (IsMerged), got String",
                "GetPullRequest.pullRequest.pullRequestTargets[0].sourceRef: not a member of PullRequestTarget",
            ],
            problems);
        Assert.Equal(["GetPullRequest.pullRequest: required by GetPullRequestOutput but missing"], model.ValidateOutput("GetPullRequest", missing.RootElement));
        Assert.Single(model.ValidateError("GetPullRequest", "NoSuchThingException"));
        Assert.Empty(model.ValidateError("GetPullRequest", "PullRequestDoesNotExistException"));
    }

    private static async Task RunScenarioAsync(CodeCommitWorld world)
    {
        using var bot = world.Client(CodeCommitWorld.Bot);
        using var reviewer = world.Client(CodeCommitWorld.Reviewer);
        var pr = await world.OpenAsync(token: "scenario-open");
        await world.OpenAsync(token: "scenario-open");
        var target = pr.PullRequestTargets[0];
        var id = pr.PullRequestId!;
        await bot.GetRepositoryAsync(CodeCommitWorld.RepositoryName);
        var posted = await reviewer.PostCommentForPullRequestAsync(new PostCommentForPullRequestRequest(
            id, CodeCommitWorld.RepositoryName, target.DestinationCommit!, target.SourceCommit!, "!test"));
        await reviewer.PostCommentForPullRequestAsync(new PostCommentForPullRequestRequest(
            id, CodeCommitWorld.RepositoryName, target.DestinationCommit!, target.SourceCommit!, "why?")
        {
            Location = new CodeCommitLocation("views/a.sql", 1, "AFTER"),
        });
        await bot.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment!.CommentId!, "3 passed") { ClientRequestToken = "reply" });
        await bot.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment!.CommentId!, "3 passed") { ClientRequestToken = "reply" });
        await world.Fake.DeleteCommentAsync(posted.Comment.CommentId!);
        await bot.GetCommentAsync(posted.Comment.CommentId!);
        await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(id) { MaxResults = 1 }).ToListAsync();
        await bot.GetCommentsAsync(new GetCommentsForPullRequestRequest(id)
        {
            RepositoryName = CodeCommitWorld.RepositoryName,
            BeforeCommitId = target.DestinationCommit,
            AfterCommitId = target.SourceCommit,
        }).ToListAsync();
        await world.CommitAsync("dev", "views/b.sql", "SELECT 2\n");
        await bot.GetPullRequestAsync(id);
        await bot.GetPullRequestIdsAsync(new ListPullRequestsRequest(CodeCommitWorld.RepositoryName) { PullRequestStatus = "OPEN" }).ToListAsync();
        await bot.MergePullRequestByFastForwardAsync(new MergePullRequestByFastForwardRequest(id, CodeCommitWorld.RepositoryName));
        await bot.GetPullRequestEventsAsync(new DescribePullRequestEventsRequest(id) { MaxResults = 2 }).ToListAsync();

        await world.CommitAsync("squash", "views/s.sql", "SELECT 3\n");
        var squash = await world.OpenAsync("squash");
        await bot.MergePullRequestWithCommitAsync(new MergePullRequestWithCommitRequest(squash.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: false));
        await world.CommitAsync("threeway", "views/t.sql", "SELECT 4\n");
        var threeWay = await world.OpenAsync("threeway");
        await world.CommitAsync("main", "views/m.sql", "SELECT 5\n");
        await bot.MergePullRequestWithCommitAsync(new MergePullRequestWithCommitRequest(threeWay.PullRequestId!, CodeCommitWorld.RepositoryName, ThreeWay: true));
        await world.CommitAsync("closed", "views/c.sql", "SELECT 6\n");
        var closed = await world.OpenAsync("closed");
        await bot.UpdatePullRequestStatusAsync(closed.PullRequestId!, CodeCommitPullRequest.Closed);

        // Modeled errors.
        await ExpectAsync(() => bot.GetPullRequestAsync("404"));
        await ExpectAsync(() => bot.GetPullRequestAsync("not-a-number"));
        await ExpectAsync(() => bot.GetCommentAsync("missing"));
        await ExpectAsync(() => bot.GetRepositoryAsync("missing"));
        await ExpectAsync(() => bot.UpdatePullRequestStatusAsync(closed.PullRequestId!, CodeCommitPullRequest.Open));
        await ExpectAsync(() => bot.MergePullRequestByFastForwardAsync(new MergePullRequestByFastForwardRequest(id, CodeCommitWorld.RepositoryName)));
        await ExpectAsync(() => bot.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment.CommentId!, new string('x', 10_241))));
        await ExpectAsync(() => bot.PostCommentReplyAsync(new PostCommentReplyRequest(posted.Comment.CommentId!, "other") { ClientRequestToken = "reply" }));
        await ExpectAsync(() => bot.GetPullRequestIdsAsync(new ListPullRequestsRequest(CodeCommitWorld.RepositoryName) { MaxResults = 0 }).ToListAsync().AsTask());
        await ExpectAsync(() => bot.CreatePullRequestAsync(new CreatePullRequestRequest("same", [new CreatePullRequestTarget(CodeCommitWorld.RepositoryName, "main", "main")])));
        await ExpectAsync(() => bot.CreatePullRequestAsync(new CreatePullRequestRequest("gone", [new CreatePullRequestTarget(CodeCommitWorld.RepositoryName, "no-branch")])));
    }

    private static async Task ExpectAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);
}
