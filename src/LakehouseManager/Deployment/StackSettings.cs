using LakehouseManager.Composition;

namespace LakehouseManager.Deployment;

/// <summary>
/// What a deployment of the tool is made from: the same values the CloudFormation template
/// (<c>deploy/lakehouse-manager.yml</c>) takes as parameters, and that <c>Deploy</c> takes as <c>--</c> parameters.
/// The region is the stack's (CloudFormation's <c>AWS::Region</c>, Deploy's <c>--aws-region</c>): EventBridge sees a
/// repository's events only in the repository's region.
/// </summary>
public sealed record StackSettings
{
    /// <summary>The default name of the CodeBuild project; the rules' and the report group's names start with it.</summary>
    public const string DefaultProjectName = "lakehouse-manager";

    /// <summary>The default schedule of <c>SyncOpenPullRequests</c>.</summary>
    public const string DefaultSchedule = "rate(5 minutes)";

    /// <summary>The CodeCommit repository of the mirror.</summary>
    public required string RepositoryName { get; init; }

    /// <summary>The region of the repository, the project and the rules.</summary>
    public required string Region { get; init; }

    /// <summary>The project's service role (an existing one for Deploy; the template makes its own).</summary>
    public required string ServiceRoleArn { get; init; }

    /// <summary>The role EventBridge assumes to call StartBuild; null: <see cref="ServiceRoleArn"/>.</summary>
    public string? EventsRoleArn { get; init; }

    /// <summary>The bundle <c>Publish</c> uploaded: an <c>s3://</c> URI (read with the role) or an https URL.</summary>
    public required string PackageUrl { get; init; }

    public string ProjectName { get; init; } = DefaultProjectName;

    /// <summary>The Secrets Manager secret holding <c>{"PAT": "..."}</c>; null: none (a local or open catalog).</summary>
    public string? PatSecretName { get; init; }

    public CatalogKind Catalog { get; init; } = CatalogKind.DremioCloud;

    /// <summary>The catalog's settings by parameter: <c>ProjectId</c>, <c>DremioUrl</c>, <c>NessieUrl</c>, ... (see <see cref="LakehouseStack.CatalogSettings"/>).</summary>
    public IReadOnlyDictionary<string, string> CatalogSettings { get; init; } = new Dictionary<string, string>();

    public string MirrorPath { get; init; } = "";

    public string? TestsPath { get; init; }

    /// <summary>An EventBridge schedule expression, e.g. <c>rate(5 minutes)</c> or <c>cron(0/10 * * * ? *)</c>.</summary>
    public string Schedule { get; init; } = DefaultSchedule;

    public string Image { get; init; } = "aws/codebuild/standard:7.0";

    public string ComputeType { get; init; } = "BUILD_GENERAL1_SMALL";

    /// <summary>The buildspec the project runs (the text of the repository's <c>buildspec.yml</c>).</summary>
    public required string Buildspec { get; init; }
}
