using System.Text.Json;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>
/// One phase of a build (the model's <c>BuildPhase</c>): <c>SUBMITTED</c>, <c>QUEUED</c>, <c>PROVISIONING</c>,
/// <c>DOWNLOAD_SOURCE</c>, <c>INSTALL</c>, <c>PRE_BUILD</c>, <c>BUILD</c>, <c>POST_BUILD</c>, <c>UPLOAD_ARTIFACTS</c>,
/// <c>FINALIZING</c>, <c>COMPLETED</c>; a phase in progress has no status yet.
/// </summary>
internal sealed record CodeBuildPhase(
    string? PhaseType,
    string? PhaseStatus,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    long? DurationInSeconds,
    IReadOnlyList<CodeBuildPhaseContext> Contexts)
{
    public static CodeBuildPhase Parse(JsonElement json) => new(
        AwsJson.String(json, "phaseType"),
        AwsJson.String(json, "phaseStatus"),
        AwsJson.Timestamp(json, "startTime"),
        AwsJson.Timestamp(json, "endTime"),
        AwsJson.Long(json, "durationInSeconds"),
        AwsJson.List(json, "contexts", CodeBuildPhaseContext.Parse));
}

/// <summary>Why a phase ended as it did (the model's <c>PhaseContext</c>).</summary>
internal sealed record CodeBuildPhaseContext(string? StatusCode, string? Message)
{
    public static CodeBuildPhaseContext Parse(JsonElement json) =>
        new(AwsJson.String(json, "statusCode"), AwsJson.String(json, "message"));
}
