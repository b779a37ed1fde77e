using System.Text.Json;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>
/// A project's source (the model's <c>ProjectSource</c>): for CodeCommit, <c>type</c> <c>CODECOMMIT</c> and
/// <c>location</c> <c>https://git-codecommit.&lt;region&gt;.amazonaws.com/v1/repos/&lt;repo&gt;</c>.
/// </summary>
internal sealed record CodeBuildProjectSource(string Type, string? Location = null, string? Buildspec = null, int? GitCloneDepth = null)
{
    public static CodeBuildProjectSource Parse(JsonElement json) => new(
        AwsJson.RequiredString(json, "type"),
        AwsJson.String(json, "location"),
        AwsJson.String(json, "buildspec"),
        AwsJson.Int(json, "gitCloneDepth"));

    public static void WriteMembers(Utf8JsonWriter writer, CodeBuildProjectSource source)
    {
        writer.WriteString("type", source.Type);
        writer.WriteOptional("location", source.Location);
        writer.WriteOptional("gitCloneDepth", source.GitCloneDepth);
        writer.WriteOptional("buildspec", source.Buildspec);
    }
}

/// <summary>A project's artifacts (the model's <c>ProjectArtifacts</c>): <c>NO_ARTIFACTS</c>, <c>S3</c> or <c>CODEPIPELINE</c>.</summary>
internal sealed record CodeBuildProjectArtifacts(string Type, string? Location = null)
{
    public static CodeBuildProjectArtifacts Parse(JsonElement json) =>
        new(AwsJson.RequiredString(json, "type"), AwsJson.String(json, "location"));

    public static void WriteMembers(Utf8JsonWriter writer, CodeBuildProjectArtifacts artifacts)
    {
        writer.WriteString("type", artifacts.Type);
        writer.WriteOptional("location", artifacts.Location);
    }
}

/// <summary>
/// Where a project's builds run (the model's <c>ProjectEnvironment</c>), e.g. <c>LINUX_CONTAINER</c>,
/// <c>aws/codebuild/standard:7.0</c>, <c>BUILD_GENERAL1_SMALL</c>.
/// </summary>
internal sealed record CodeBuildProjectEnvironment(string Type, string Image, string ComputeType)
{
    public IReadOnlyList<CodeBuildEnvironmentVariable> EnvironmentVariables { get; init; } = [];

    public bool? PrivilegedMode { get; init; }

    /// <summary><c>CODEBUILD</c> or <c>SERVICE_ROLE</c>.</summary>
    public string? ImagePullCredentialsType { get; init; }

    public static CodeBuildProjectEnvironment Parse(JsonElement json) =>
        new(AwsJson.RequiredString(json, "type"), AwsJson.RequiredString(json, "image"), AwsJson.RequiredString(json, "computeType"))
        {
            EnvironmentVariables = AwsJson.List(json, "environmentVariables", CodeBuildEnvironmentVariable.Parse),
            PrivilegedMode = AwsJson.Boolean(json, "privilegedMode"),
            ImagePullCredentialsType = AwsJson.String(json, "imagePullCredentialsType"),
        };

    public static void WriteMembers(Utf8JsonWriter writer, CodeBuildProjectEnvironment environment)
    {
        writer.WriteString("type", environment.Type);
        writer.WriteString("image", environment.Image);
        writer.WriteString("computeType", environment.ComputeType);
        writer.WriteOptional("environmentVariables", environment.EnvironmentVariables, CodeBuildEnvironmentVariable.Write);
        writer.WriteOptional("privilegedMode", environment.PrivilegedMode);
        writer.WriteOptional("imagePullCredentialsType", environment.ImagePullCredentialsType);
    }
}

/// <summary>A tag (the model's <c>Tag</c>: lower-case <c>key</c> and <c>value</c> in CodeBuild).</summary>
internal sealed record CodeBuildTag(string Key, string Value)
{
    public static CodeBuildTag Parse(JsonElement json) => new(AwsJson.String(json, "key") ?? "", AwsJson.String(json, "value") ?? "");

    public static void Write(Utf8JsonWriter writer, CodeBuildTag tag)
    {
        writer.WriteStartObject();
        writer.WriteString("key", tag.Key);
        writer.WriteString("value", tag.Value);
        writer.WriteEndObject();
    }
}
