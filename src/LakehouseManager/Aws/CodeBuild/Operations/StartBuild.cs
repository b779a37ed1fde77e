using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeBuild.Operations;

/// <summary>
/// <c>StartBuild</c> (api-facts C.5): runs a project, optionally at <see cref="SourceVersion"/> (for CodeCommit a commit
/// id, branch or tag) with <see cref="EnvironmentVariablesOverride"/> (which beat the project's and the buildspec's).
/// </summary>
internal sealed record StartBuildRequest(string ProjectName) : IAwsRequest
{
    public string? SourceVersion { get; init; }

    public IReadOnlyList<CodeBuildEnvironmentVariable>? EnvironmentVariablesOverride { get; init; }

    /// <summary>Inline YAML, a path in the source, or an S3 ARN.</summary>
    public string? BuildspecOverride { get; init; }

    public int? TimeoutInMinutesOverride { get; init; }

    /// <summary>
    /// CodeBuild starts one build for repeats of a request with this token within 5 minutes; the client sets a fresh one
    /// when null.
    /// </summary>
    public string? IdempotencyToken { get; init; }

    public string Operation => "StartBuild";

    // Safe to repeat because the client always sends an idempotencyToken: a repeat within 5 minutes returns the build
    // the first attempt started instead of starting a second one.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("projectName", ProjectName);
        writer.WriteOptional("sourceVersion", SourceVersion);
        writer.WriteOptional("environmentVariablesOverride", EnvironmentVariablesOverride, CodeBuildEnvironmentVariable.Write);
        writer.WriteOptional("buildspecOverride", BuildspecOverride);
        writer.WriteOptional("timeoutInMinutesOverride", TimeoutInMinutesOverride);
        writer.WriteOptional("idempotencyToken", IdempotencyToken);
    }
}

/// <summary><c>{build}</c>.</summary>
internal sealed record StartBuildResponse(CodeBuildBuild Build)
{
    public static StartBuildResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "build", CodeBuildBuild.Parse) ?? throw new FormatException("'build' is missing"));
}
