using System.Text.Json;
using System.Text.Json.Nodes;
using LakehouseManager.Aws;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Aws.EventBridge.Operations;
using LakehouseManager.Tests.Aws.Botocore;
using Xunit;

namespace LakehouseManager.Tests.Aws.Moto;

/// <summary>EventBridge rules, targets and events against moto; every request checked against botocore's model.</summary>
[Collection(nameof(MotoCollection))]
public sealed class EventBridgeClientTests(MotoServer moto)
{
    private const string Pattern =
        """{"source":["aws.codecommit"],"detail-type":["CodeCommit Pull Request State Change"],"detail":{"event":["pullRequestCreated","pullRequestSourceBranchUpdated"]}}""";

    [Fact(Timeout = 30_000)]
    public async Task A_pull_request_rule_and_its_codebuild_target_are_put_and_read_back()
    {
        using var recorder = new RecordingHandler();
        using var client = new EventBridgeClient(moto.Connection(recorder));
        var rule = $"lakehouse-pr-{Guid.NewGuid():N}";

        var arn = await client.PutRuleAsync(new PutRuleRequest(rule) { EventPattern = Pattern, State = "ENABLED", Description = "Pull requests" });
        var put = await client.PutTargetsAsync(new PutTargetsRequest(rule, [Target("codebuild"), Target("codebuild-2")]));
        var described = await client.DescribeRuleAsync(new DescribeRuleRequest(rule));
        var targets = await client.GetTargetsAsync(new ListTargetsByRuleRequest(rule) { Limit = 1 }).ToListAsync();

        Assert.Equal($"arn:aws:events:us-east-1:123456789012:rule/{rule}", arn);
        Assert.Equal(0, put.FailedEntryCount);
        Assert.Equal(("ENABLED", "Pull requests"), (described.State, described.Description));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Pattern), JsonNode.Parse(described.EventPattern!)));
        Assert.Equal(["codebuild", "codebuild-2"], targets.Select(t => t.Id));
        var transformer = targets[0].InputTransformer!;
        Assert.Equal("$.detail.pullRequestId", transformer.InputPathsMap!["pullRequestId"]);
        Assert.Equal(Target("codebuild").InputTransformer!.InputTemplate, transformer.InputTemplate);
        Assert.Equal("arn:aws:iam::123456789012:role/events-start-build", targets[0].RoleArn);
        Assert.Equal(2, recorder.Requests.Count(r => r.Headers["X-Amz-Target"] == "AWSEvents.ListTargetsByRule"));
        await AssertRequestsConformAsync(recorder);
    }

    [Fact(Timeout = 30_000)]
    public async Task Putting_a_rule_and_its_targets_again_changes_nothing()
    {
        using var client = new EventBridgeClient(moto.Connection());
        var rule = $"lakehouse-schedule-{Guid.NewGuid():N}";
        var request = new PutRuleRequest(rule) { ScheduleExpression = "rate(5 minutes)", State = "ENABLED" };

        var first = await client.PutRuleAsync(request);
        var second = await client.PutRuleAsync(request);
        await client.PutTargetsAsync(new PutTargetsRequest(rule, [Target("codebuild")]));
        await client.PutTargetsAsync(new PutTargetsRequest(rule, [Target("codebuild")]));

        Assert.Equal(first, second);
        Assert.Equal("rate(5 minutes)", (await client.DescribeRuleAsync(new DescribeRuleRequest(rule))).ScheduleExpression);
        Assert.Single(await client.GetTargetsAsync(new ListTargetsByRuleRequest(rule)).ToListAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task Events_are_put_and_each_gets_an_id()
    {
        using var recorder = new RecordingHandler();
        using var client = new EventBridgeClient(moto.Connection(recorder));
        // A bus of the test's own: on the default bus, the other tests' rules would match and moto would try to start
        // their (fake) CodeBuild targets.
        var bus = $"lakehouse-test-{Guid.NewGuid():N}";
        using (var raw = moto.Connection().CreateClient(AwsService.EventBridge))
        {
            await raw.CallAsync(new RawAwsRequest("CreateEventBus", $"{{\"Name\":\"{bus}\"}}"), _ => 0);
        }

        var detail = """{"event":"pullRequestCreated","pullRequestId":"1","isMerged":"False","repositoryNames":["mirror"]}""";

        var result = await client.PutEventsAsync(
        [
            new EventBridgeEntry("aws.codecommit", "CodeCommit Pull Request State Change", detail)
            {
                Resources = ["arn:aws:codecommit:us-east-1:123456789012:mirror"],
                Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                EventBusName = bus,
            },
            new EventBridgeEntry("lakehouse.test", "Ping", "{}") { EventBusName = bus },
        ]);

        Assert.Equal(0, result.FailedEntryCount);
        Assert.Equal(2, result.Entries.Count);
        Assert.All(result.Entries, e => Assert.False(string.IsNullOrEmpty(e.EventId)));
        await AssertRequestsConformAsync(recorder);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_rule_is_a_not_found_error()
    {
        using var client = new EventBridgeClient(moto.Connection());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeRuleAsync(new DescribeRuleRequest("no-such-rule")));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.False(error.IsFatal);
    }

    // Each target its own project: moto pages targets by ARN.
    private static EventBridgeTarget Target(string id) => new(id, $"arn:aws:codebuild:us-east-1:123456789012:project/lakehouse-{id}")
    {
        RoleArn = "arn:aws:iam::123456789012:role/events-start-build",
        InputTransformer = new EventBridgeInputTransformer(
            """{"sourceVersion": <sourceCommit>, "environmentVariablesOverride": [{"name": "PULL_REQUEST_ID", "value": <pullRequestId>, "type": "PLAINTEXT"}]}""")
        {
            InputPathsMap = new Dictionary<string, string>
            {
                ["pullRequestId"] = "$.detail.pullRequestId",
                ["sourceCommit"] = "$.detail.sourceCommit",
            },
        },
    };

    private static async Task AssertRequestsConformAsync(RecordingHandler recorder)
    {
        var model = await BotocoreModels.LoadAsync("events");
        var problems = recorder.Requests.SelectMany(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            return model.ValidateInput(r.Headers["X-Amz-Target"].Split('.')[1], body.RootElement);
        });
        Assert.Empty(problems);
    }
}
