using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.EventBridge;
using LakehouseManager.Composition;
using LakehouseManager.PullRequests.Events;

namespace LakehouseManager.Deployment;

/// <summary>
/// The one definition of a deployment (issue 12): the CodeBuild project that runs the published bundle with the mirror
/// repository as its source, and the three EventBridge rules that start it (pull-request state changes and comments,
/// whose patterns and input transformers come from <see cref="PullRequestEventVariables"/>, and the schedule of
/// <c>SyncOpenPullRequests</c>). Deploy creates exactly this; the CloudFormation template
/// <c>deploy/lakehouse-manager.yml</c> states the same, and a test checks that the two agree. No I/O.
/// </summary>
public static class LakehouseStack
{
    /// <summary>The environment variable a schedule build gets: the target the buildspec runs instead of HandlePullRequestEvent.</summary>
    public const string TargetVariable = "LAKEHOUSE_TARGET";

    /// <summary>The report group the buildspec's <c>reports: data-tests</c> writes to (CodeBuild names it project-group).</summary>
    public const string ReportGroupSuffix = "-data-tests";

    /// <summary>The catalog settings a deployment passes on: template parameter → the tool's variable.</summary>
    public static IReadOnlyList<StackVariable> CatalogSettings { get; } =
    [
        Setting("ProjectId", "PROJECT_ID"),
        Setting("DremioCloudRegion", "DREMIO_CLOUD_REGION"),
        Setting("CatalogId", "CATALOG_ID"),
        Setting("DremioUrl", "DREMIO_URL"),
        Setting("NessieUrl", "NESSIE_URL"),
        Setting("CatalogName", "CATALOG_NAME"),
    ];

    /// <summary>Every environment variable of the project, in order.</summary>
    public static IReadOnlyList<StackVariable> Variables { get; } =
    [
        new("LAKEHOUSE_MANAGER_URL", "PackageUrl", s => s.PackageUrl),
        new("REPO_NAME", "RepositoryName", s => s.RepositoryName),
        // The tool's own comments carry the service role's ARN: the template computes it from the role it makes.
        new("BOT_ARN", null, s => s.ServiceRoleArn),
        new("PAT_SECRET_NAME", "PatSecretName", s => s.PatSecretName),
        new("CATALOG", "Catalog", s => CatalogName(s.Catalog)),
        .. CatalogSettings,
        new("MIRROR_PATH", "MirrorPath", s => s.MirrorPath),
        new("TESTS_PATH", "TestsPath", s => s.TestsPath),
    ];

    /// <summary>The <c>--catalog</c> value of a kind, e.g. <c>dremio-cloud</c>.</summary>
    public static string CatalogName(CatalogKind kind) => kind switch
    {
        CatalogKind.DremioCloud => "dremio-cloud",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The ARN of the mirror repository, which the event patterns match.</summary>
    public static string RepositoryArn(StackSettings settings) =>
        $"arn:{Role(settings).Partition}:codecommit:{settings.Region}:{Role(settings).Account}:{settings.RepositoryName}";

    public static string ProjectArn(StackSettings settings) =>
        $"arn:{Role(settings).Partition}:codebuild:{settings.Region}:{Role(settings).Account}:project/{settings.ProjectName}";

    /// <summary>The CodeCommit clone URL the project checks out (api-facts C.5).</summary>
    public static string SourceLocation(StackSettings settings) =>
        $"https://git-codecommit.{settings.Region}.amazonaws.com/v1/repos/{settings.RepositoryName}";

    /// <summary>The names of the three rules.</summary>
    public static string PullRequestRuleName(string projectName) => $"{projectName}-pull-requests";

    public static string CommentRuleName(string projectName) => $"{projectName}-comments";

    public static string ScheduleRuleName(string projectName) => $"{projectName}-sync-open-pull-requests";

    /// <summary>The schedule rule's constant StartBuild input: run SyncOpenPullRequests instead of HandlePullRequestEvent.</summary>
    public static string ScheduleInput { get; } =
        $$"""{"environmentVariablesOverride": [{"name": "{{TargetVariable}}", "value": "SyncOpenPullRequests", "type": "PLAINTEXT"}]}""";

    /// <summary>The project as CreateProject and UpdateProject send it.</summary>
    internal static CodeBuildProject Project(StackSettings settings)
    {
        Validate(settings);
        var variables = Variables
            .Select(v => (v.Name, Value: v.Value(settings)))
            .Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => new CodeBuildEnvironmentVariable(v.Name, v.Value!))
            .ToList();
        return new CodeBuildProject(
            settings.ProjectName,
            new CodeBuildProjectSource("CODECOMMIT", SourceLocation(settings), settings.Buildspec, GitCloneDepth: 0),
            new CodeBuildProjectArtifacts("NO_ARTIFACTS"),
            new CodeBuildProjectEnvironment("LINUX_CONTAINER", settings.Image, settings.ComputeType) { EnvironmentVariables = variables },
            settings.ServiceRoleArn)
        {
            Description = $"Lakehouse Manager for the CodeCommit repository {settings.RepositoryName}",
            TimeoutInMinutes = 30,
        };
    }

    /// <summary>The three rules, each with the project as its one target.</summary>
    internal static IReadOnlyList<StackRule> Rules(StackSettings settings)
    {
        Validate(settings);
        var repository = RepositoryArn(settings);
        return
        [
            EventRule(settings, PullRequestRuleName(settings.ProjectName), PullRequestEvent.PullRequestStateChange, repository,
                "CodeCommit pull-request state changes start HandlePullRequestEvent"),
            EventRule(settings, CommentRuleName(settings.ProjectName), PullRequestEvent.CommentOnPullRequest, repository,
                "CodeCommit pull-request comments start HandlePullRequestEvent"),
            new StackRule(
                ScheduleRuleName(settings.ProjectName),
                "Catalog edits raise no CodeCommit event: SyncOpenPullRequests on a schedule",
                EventPattern: null,
                settings.Schedule,
                Target(settings) with { Input = ScheduleInput }),
        ];
    }

    private static StackRule EventRule(StackSettings settings, string name, string detailType, string repositoryArn, string description) =>
        new(name, description, PullRequestEventVariables.EventPattern(detailType, repositoryArn), ScheduleExpression: null,
            Target(settings) with
            {
                InputTransformer = new EventBridgeInputTransformer(PullRequestEventVariables.InputTemplate(detailType))
                {
                    InputPathsMap = PullRequestEventVariables.InputPathsMap(detailType),
                },
            });

    private static EventBridgeTarget Target(StackSettings settings) =>
        new(StackRule.TargetId, ProjectArn(settings)) { RoleArn = settings.EventsRoleArn ?? settings.ServiceRoleArn };

    private static AwsArn Role(StackSettings settings) => AwsArn.Parse(settings.ServiceRoleArn, "--role-arn");

    private static StackVariable Setting(string parameter, string variable) =>
        new(variable, parameter, s => s.CatalogSettings.TryGetValue(parameter, out var value) ? value : null);

    private static void Validate(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var role = Role(settings);
        if (role.Service != "iam" || !role.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            throw new LakehouseException(
                $"--role-arn '{settings.ServiceRoleArn}' is not an IAM role: expected arn:aws:iam::123456789012:role/NAME.");
        }

        if (settings.EventsRoleArn is { } events)
        {
            AwsArn.Parse(events, "--events-role-arn");
        }

        if (string.IsNullOrWhiteSpace(settings.RepositoryName) || settings.RepositoryName.Length > 100)
        {
            throw new LakehouseException("--repo-name is required for Deploy: the CodeCommit repository of the mirror (1 to 100 characters).");
        }

        if (!settings.Schedule.StartsWith("rate(", StringComparison.Ordinal) && !settings.Schedule.StartsWith("cron(", StringComparison.Ordinal))
        {
            throw new LakehouseException(
                $"--schedule '{settings.Schedule}' is not an EventBridge schedule: expected rate(5 minutes) or cron(0/10 * * * ? *).");
        }

        if (string.IsNullOrWhiteSpace(settings.PackageUrl))
        {
            throw new LakehouseException(
                "--package-url is required for Deploy: the s3:// URI (or https URL) of the bundle ./build.sh Publish uploaded.");
        }

        if (!settings.ProjectName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || settings.ProjectName.Length is < 2 or > 200 ||
            !char.IsAsciiLetterOrDigit(settings.ProjectName[0]))
        {
            throw new LakehouseException(
                $"--codebuild-project '{settings.ProjectName}' is not a CodeBuild project name: 2 to 200 letters, digits, '-' and '_', starting with a letter or digit.");
        }
    }
}
