using System.Text.Json;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>
/// A build (the model's <c>Build</c>, the members a caller follows a build by). <see cref="BuildStatus"/> is
/// <c>IN_PROGRESS</c> until it ends <c>SUCCEEDED</c>, <c>FAILED</c>, <c>FAULT</c>, <c>TIMED_OUT</c> or <c>STOPPED</c>.
/// </summary>
internal sealed record CodeBuildBuild(
    string? Id,
    string? Arn,
    long? BuildNumber,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? CurrentPhase,
    string? BuildStatus,
    string? SourceVersion,
    string? ResolvedSourceVersion,
    string? ProjectName,
    IReadOnlyList<CodeBuildPhase> Phases,
    bool BuildComplete,
    string? Initiator,
    string? LogsDeepLink)
{
    public const string InProgress = "IN_PROGRESS";

    public const string Succeeded = "SUCCEEDED";

    public static CodeBuildBuild Parse(JsonElement json) => new(
        AwsJson.String(json, "id"),
        AwsJson.String(json, "arn"),
        AwsJson.Long(json, "buildNumber"),
        AwsJson.Timestamp(json, "startTime"),
        AwsJson.Timestamp(json, "endTime"),
        AwsJson.String(json, "currentPhase"),
        AwsJson.String(json, "buildStatus"),
        AwsJson.String(json, "sourceVersion"),
        AwsJson.String(json, "resolvedSourceVersion"),
        AwsJson.String(json, "projectName"),
        AwsJson.List(json, "phases", CodeBuildPhase.Parse),
        AwsJson.Boolean(json, "buildComplete") ?? false,
        AwsJson.String(json, "initiator"),
        AwsJson.Object(json, "logs", logs => new LogsLink(AwsJson.String(logs, "deepLink")))?.DeepLink);

    private sealed record LogsLink(string? DeepLink);
}
