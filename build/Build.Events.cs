using LakehouseManager.DataTests;
using LakehouseManager.Pipeline.Events;
using LakehouseManager.PullRequests.Commands;
using TargetRunner;

/// <summary>
/// The event-driven targets (design §6): HandlePullRequestEvent, which CodeBuild runs for each CodeCommit event that
/// an EventBridge rule forwards (buildspec.yml); SyncOpenPullRequests, for a schedule rule; Watch, the original
/// tool's loop on one machine. Each binds parameters and calls one use case.
/// </summary>
internal partial class Build
{
    [Parameter("AWS region - Default is AWS_REGION, then AWS_DEFAULT_REGION")]
    private readonly string? AwsRegion;

    [Parameter("One endpoint for every AWS service (a loopback fake, moto, a VPC endpoint), e.g. http://127.0.0.1:5000")]
    private readonly string? AwsEndpointUrl;

    [Parameter("Secrets Manager secret holding the Dremio PAT as {\"PAT\": \"...\"}, read when --dremio-pat is not given")]
    private readonly string? PatSecretName;

    [Parameter("ARN the tool's CodeCommit comments carry, e.g. the CodeBuild role arn:aws:iam::123456789012:role/lakehouse-manager (any session of it matches)")]
    private readonly string? BotArn;

    [Parameter("The event for HandlePullRequestEvent: its JSON, or a file holding it - Default is the CODECOMMIT_* variables the EventBridge input transformer sets")]
    private readonly string? Event;

    [Parameter("What starts a comment command - Default is '!'")]
    private readonly string CommandPrefix = CommentCommandParser.DefaultPrefix;

    [Parameter("Who may run which command: COMMAND=ARN entries (test, sync, status or *); roles match any session - Default is everyone")]
    private readonly string[] CommandAllowlist = [];

    [Parameter("What closing a pull request without a merge does to its catalog branch: Keep or DropBranch - Default is 'Keep'")]
    private readonly OnClose OnClose = OnClose.Keep;

    [Parameter("Seconds between two rounds of Watch - Default is 30")]
    private readonly int WatchInterval = 30;

    private Target HandlePullRequestEvent => _ => _
        .Description("Handles one CodeCommit event (--event FILE|JSON, or the CODECOMMIT_* variables of the EventBridge rule): syncs an open pull request, runs a comment's command, merges the catalog of a merged one")
        .Executes(async ct =>
        {
            var pullRequestEvent = PullRequestEventSource.Read(Event, Environment.GetEnvironmentVariable);
            var outcome = await Pipeline.HandlePullRequestEventAsync(pullRequestEvent, Review(), ct);
            ReportSummary(_ => _.AddPair("Event", pullRequestEvent.Name).AddPair("Action", outcome.Action.ToString()));
            Log.Information("{Outcome}", outcome.Summary);
            if (outcome.Failed)
            {
                throw new BuildException(outcome.Summary);
            }
        });

    private Target SyncOpenPullRequests => _ => _
        .Description("Syncs every open pull request of --repo-name whose catalog branch exists (for a schedule: catalog edits raise no CodeCommit event)")
        .Executes(async ct =>
        {
            var outcomes = await Pipeline.SyncOpenPullRequestsAsync(ct);
            ReportSummary(_ => _.AddPair("Pull requests", outcomes.Count.ToString()).AddPair("Failed", outcomes.Count(o => o.Failed).ToString()));
            if (outcomes.Any(o => o.Failed))
            {
                throw new BuildException($"{outcomes.Count(o => o.Failed)} of {outcomes.Count} open pull request(s) could not be synced.");
            }
        });

    private Target Watch => _ => _
        .Description("Watches one pull request (--pull-request-id, or --to-ref into --from-ref): syncs, answers comment commands, merges the catalog when it is merged, stops when it closes; Ctrl-C stops it")
        .Requires(() => WatchInterval, s => s is >= 1 and <= 86400, "a number of seconds from 1 to 86400")
        .Executes(async ct =>
        {
            var outcome = await Pipeline.WatchAsync(PullRequest(), Review(), TimeSpan.FromSeconds(WatchInterval), ct);
            ReportSummary(_ => _.AddPair("Outcome", outcome.Action.ToString()));
            Log.Information("{Outcome}", outcome.Summary);
            if (outcome.Failed)
            {
                throw new BuildException(outcome.Summary);
            }
        });

    private ReviewSettings Review() => new()
    {
        TestsPath = TestsPath,
        RunnerOptions = new DataTestRunnerOptions { MaxParallelism = TestParallelism, DefaultTimeout = TimeSpan.FromSeconds(TestTimeout) },
        CommandPrefix = CommentCommandParser.RequirePrefix(CommandPrefix),
        Allowlist = LakehouseManager.PullRequests.Commands.CommandAllowlist.Parse(CommandAllowlist),
        OnClose = OnClose,
    };
}
