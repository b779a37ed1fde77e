using LakehouseManager.Deployment;
using TargetRunner;

/// <summary>
/// Deploying and running in AWS (issue 12): Deploy makes the CodeBuild project and the EventBridge rules of the one
/// stack definition (the CloudFormation template deploy/lakehouse-manager.yml states the same); RunInCodeBuild runs a
/// target in that project and follows it. Each binds parameters and calls one use case.
/// </summary>
internal partial class Build
{
    /// <summary>The options of a local RunInCodeBuild run that the remote build must not get.</summary>
    private static readonly HashSet<string> s_localOnlyOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "remote-target", "codebuild-project", "source-version", "poll-interval", "aws-region", "aws-endpoint-url", "root",
        "verbosity", "profile", "target", "skip", "plan", "help", "no-logo", "host", "repo-path", "artifacts-path", "catalog-path",
    };

    [Parameter("Deploy, RunInCodeBuild: the CodeBuild project's name; the rules' names start with it - Default is 'lakehouse-manager'")]
    private readonly string CodebuildProject = StackSettings.DefaultProjectName;

    [Parameter("Deploy: the existing IAM role the CodeBuild project runs as, e.g. arn:aws:iam::123456789012:role/lakehouse-manager (see deploy/lakehouse-manager.yml for its policy)")]
    private readonly string? RoleArn;

    [Parameter("Deploy: the role EventBridge assumes to call codebuild:StartBuild - Default is --role-arn (then trusted by events.amazonaws.com too)")]
    private readonly string? EventsRoleArn;

    [Parameter("Deploy: the bundle Publish uploaded, s3://... (read with the project's role) or an https URL")]
    private readonly string? PackageUrl;

    [Parameter("Deploy: how often SyncOpenPullRequests runs, an EventBridge schedule expression - Default is 'rate(5 minutes)'")]
    private readonly string Schedule = StackSettings.DefaultSchedule;

    [Parameter("Deploy: only print what would change")]
    private readonly bool DryRun;

    [Parameter("RunInCodeBuild: the target the build runs, e.g. RunDataTests; the other options of the command line become its environment")]
    private readonly string? RemoteTarget;

    [Parameter("RunInCodeBuild: the commit, branch or tag the build checks out - Default is the project's")]
    private readonly string? SourceVersion;

    [Parameter("RunInCodeBuild: seconds between two looks at the build - Default is 10")]
    private readonly int PollInterval = 10;

    private Target Deploy => _ => _
        .Description("Creates or updates the CodeBuild project and the EventBridge rules (pull requests, comments, schedule) of deploy/lakehouse-manager.yml without CloudFormation; --dry-run prints what would change; a second run changes nothing")
        .Requires(() => RoleArn)
        .Requires(() => PackageUrl)
        .Requires(() => RepoName)
        .Executes(async ct =>
        {
            var settings = new StackSettings
            {
                RepositoryName = RepoName!,
                Region = Lakehouse.AwsRegion,
                ServiceRoleArn = RoleArn!,
                EventsRoleArn = EventsRoleArn,
                PackageUrl = PackageUrl!,
                ProjectName = CodebuildProject,
                PatSecretName = PatSecretName,
                Catalog = Catalog,
                CatalogSettings = StackCatalogSettings(),
                MirrorPath = MirrorPath,
                TestsPath = TestsPath,
                Schedule = Schedule,
                Buildspec = await File.ReadAllTextAsync(RootDirectory / "buildspec.yml", ct),
            };
            var outcome = await Pipeline.DeployAsync(settings, DryRun, ct);
            Log.Information("{Summary}", outcome.Summary);
            ReportSummary(_ => _.AddPair("Changes", outcome.Changes.Count(c => c.Kind != StackChangeKind.None).ToString()).AddPair("Dry run", DryRun.ToString()));
        });

    private Target RunInCodeBuild => _ => _
        .Description("Runs --remote-target in the CodeBuild project with this command line's other options as environment variables (never a secret's value), prints its phases, and fails when the build fails")
        .Requires(() => RemoteTarget)
        .Requires(() => PollInterval, s => s is >= 1 and <= 3600, "a number of seconds from 1 to 3600")
        .Executes(async ct =>
        {
            var request = RemoteBuildRequest.FromArguments(
                RemoteTarget, Environment.GetCommandLineArgs().Skip(1).ToList(), s_localOnlyOptions,
                new HashSet<string>(["dremio-pat", "nessie-token"], StringComparer.OrdinalIgnoreCase));
            var outcome = await Pipeline.RunInCodeBuildAsync(CodebuildProject, request, SourceVersion, TimeSpan.FromSeconds(PollInterval), ct);
            ReportSummary(_ => _.AddPair("Build", outcome.BuildId).AddPair("Status", outcome.Status));
            if (!outcome.Succeeded)
            {
                throw new BuildException($"The build {outcome.BuildId} ended {outcome.Status}{(outcome.LogsLink is null ? "" : $"; logs: {outcome.LogsLink}")}.");
            }
        });

    private Dictionary<string, string> StackCatalogSettings()
    {
        var values = new Dictionary<string, string?>
        {
            ["ProjectId"] = ProjectId,
            ["DremioCloudRegion"] = DremioCloudRegion,
            ["CatalogId"] = CatalogId,
            ["DremioUrl"] = DremioUrl,
            ["NessieUrl"] = NessieUrl,
            ["CatalogName"] = CatalogName,
        };
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }
}
