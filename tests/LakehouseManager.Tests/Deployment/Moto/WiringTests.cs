using System.Text.Json;
using System.Text.Json.Nodes;
using LakehouseManager.Aws;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Aws.EventBridge.Operations;
using LakehouseManager.PullRequests.Events;
using LakehouseManager.Tests.Aws;
using LakehouseManager.Tests.Aws.Botocore;
using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Deployment.CloudFormation;
using LakehouseManager.Tests.PullRequests.Events;
using Xunit;
using MotoServer = LakehouseManager.Tests.Aws.Moto.MotoServer;

namespace LakehouseManager.Tests.Deployment.Moto;

/// <summary>
/// The wiring end to end, not just the syntax: the template's two event rules (their patterns and input transformers,
/// read from deploy/lakehouse-manager.yml with its CloudFormation tags) are put into moto's EventBridge, aimed at an
/// SQS queue standing in for CodeBuild; AWS's documented sample CodeCommit events are published; exactly the events
/// the tool handles arrive, each a StartBuild input (valid for botocore's CodeBuild model) whose environment
/// variables HandlePullRequestEvent reads back as the very event.
/// </summary>
/// <remarks>
/// Two places where moto 5.2.1 differs from EventBridge, both in moto/events: it puts a string value into the input
/// template without the JSON quotes EventBridge adds (utils.py, EventTemplateParser._stringify), so the test quotes
/// the placeholders before giving moto the template; and it keeps an event's <c>time</c> as epoch seconds where
/// EventBridge sends ISO 8601 (models.py, put_events), so the test reads that one variable back as ISO 8601.
/// </remarks>
[Collection(nameof(MotoCollection))]
public sealed class WiringTests(MotoServer moto)
{
    private static readonly AwsService s_sqs = new("SQS", "AmazonSQS", "sqs", "sqs", "sqs", "SQS");

    private static readonly string[] s_samples =
    [
        "pullRequestCreated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged", "pullRequestMergeStatusUpdated",
        "pullRequestApprovalStateChanged", "commentOnPullRequestCreated", "commentOnPullRequestUpdated", "referenceCreated",
    ];

    [Fact(Timeout = 60_000)]
    public async Task Exactly_the_handled_sample_events_arrive_as_StartBuild_input_that_HandlePullRequestEvent_reads_back()
    {
        // Arrange: the template's rules on a bus of the test's own, their target a queue.
        var template = CloudFormationTemplate.Load();
        var evaluator = new TemplateEvaluator(template, new Dictionary<string, string>
        {
            ["RepositoryName"] = "MyDemoRepo",
            ["PatSecretName"] = "lakehouse/dremio-pat",
            ["PackageUrl"] = "s3://lakehouse-manager-packages-dev/pkg.zip",
        }, new Dictionary<string, string>
        {
            ["Project.Arn"] = "arn:aws:codebuild:us-east-2:123456789012:project/lakehouse-manager",
            ["EventsRole.Arn"] = "arn:aws:iam::123456789012:role/lakehouse-manager-events",
        });
        var bus = $"lakehouse-wiring-{Guid.NewGuid():N}";
        using var sqs = moto.Connection().CreateClient(s_sqs);
        using var events = new EventBridgeClient(moto.Connection());
        using (var raw = moto.Connection().CreateClient(AwsService.EventBridge))
        {
            await raw.CallAsync(new RawAwsRequest("CreateEventBus", $$"""{"Name":"{{bus}}"}"""), _ => 0);
        }

        var queueUrl = await sqs.CallAsync(new RawAwsRequest("CreateQueue", $$"""{"QueueName":"{{bus}}"}"""), j => j.GetProperty("QueueUrl").GetString()!);
        var queueArn = await sqs.CallAsync(
            new RawAwsRequest("GetQueueAttributes", $$"""{"QueueUrl":"{{queueUrl}}","AttributeNames":["QueueArn"]}"""),
            j => j.GetProperty("Attributes").GetProperty("QueueArn").GetString()!);
        foreach (var id in new[] { "PullRequestRule", "CommentRule" })
        {
            var rule = evaluator.Evaluate(template.Properties(id))!;
            var target = rule["Targets"]![0]!;
            var name = rule["Name"]!.GetValue<string>();
            await events.PutRuleAsync(new PutRuleRequest(name) { EventPattern = rule["EventPattern"]!.ToJsonString(), State = "ENABLED", EventBusName = bus });
            var paths = target["InputTransformer"]!["InputPathsMap"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            var put = await events.PutTargetsAsync(new PutTargetsRequest(name, [new EventBridgeTarget(target["Id"]!.GetValue<string>(), queueArn)
            {
                InputTransformer = new EventBridgeInputTransformer(QuotedForMoto(target["InputTransformer"]!["InputTemplate"]!.GetValue<string>(), paths.Keys))
                {
                    InputPathsMap = paths,
                },
            }])
            { EventBusName = bus });
            Assert.Equal(0, put.FailedEntryCount);
        }

        // Act: every documented sample, as CodeCommit would send it.
        foreach (var sample in s_samples)
        {
            using var document = JsonDocument.Parse(SampleEvents.Read(sample));
            var root = document.RootElement;
            var result = await events.PutEventsAsync(
            [
                new EventBridgeEntry(root.GetProperty("source").GetString()!, root.GetProperty("detail-type").GetString()!, root.GetProperty("detail").GetRawText())
                {
                    Resources = [.. root.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!)],
                    Time = root.GetProperty("time").GetDateTimeOffset(),
                    EventBusName = bus,
                },
            ]);
            Assert.Equal(0, result.FailedEntryCount);
        }

        var bodies = new List<string>();
        while (true)
        {
            var page = await sqs.CallAsync(
                new RawAwsRequest("ReceiveMessage", $$"""{"QueueUrl":"{{queueUrl}}","MaxNumberOfMessages":10,"WaitTimeSeconds":0}"""),
                j => j.TryGetProperty("Messages", out var messages) ? messages.EnumerateArray().Select(m => m.GetProperty("Body").GetString()!).ToList() : []);
            if (page.Count == 0)
            {
                break;
            }

            bodies.AddRange(page);
        }

        // Assert: the handled five, each read back as its sample by HandlePullRequestEvent's parser.
        var model = await BotocoreModels.LoadAsync("codebuild");
        var arrived = new List<string>();
        foreach (var body in bodies)
        {
            var input = JsonNode.Parse(body)!.AsObject();
            input["projectName"] = "lakehouse-manager"; // EventBridge adds it from the target's ARN.
            using (var asJson = JsonDocument.Parse(input.ToJsonString()))
            {
                Assert.Empty(model.ValidateInput("StartBuild", asJson.RootElement));
            }

            var variables = input["environmentVariablesOverride"]!.AsArray()
                .ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());
            var time = variables[PullRequestEventVariables.Time.Name];
            variables[PullRequestEventVariables.Time.Name] = DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(time, System.Globalization.CultureInfo.InvariantCulture) * 1000)).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var read = PullRequestEventParser.FromEnvironment(variables.GetValueOrDefault);
            var expected = PullRequestEventParser.Parse(SampleEvents.Read(read.Name));
            Assert.Equal(expected, read);
            arrived.Add(read.Name);
        }

        Assert.Equal(
            ["commentOnPullRequestCreated", "pullRequestCreated", "pullRequestMergeStatusUpdated", "pullRequestSourceBranchUpdated", "pullRequestStatusChanged"],
            arrived.Order(StringComparer.Ordinal));
    }

    private static string QuotedForMoto(string template, IEnumerable<string> names) =>
        names.Aggregate(template, (text, name) => text.Replace($"<{name}>", $"\"<{name}>\"", StringComparison.Ordinal));
}
