using System.Text.Json;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>
/// A build project: what CreateProject and UpdateProject send (the members this project sets; UpdateProject sends
/// them all, so the project ends up exactly as defined) and what BatchGetProjects returns (<see cref="Arn"/>,
/// <see cref="Created"/> and <see cref="LastModified"/> set).
/// </summary>
internal sealed record CodeBuildProject(
    string Name,
    CodeBuildProjectSource Source,
    CodeBuildProjectArtifacts Artifacts,
    CodeBuildProjectEnvironment Environment,
    string ServiceRole)
{
    public string? Description { get; init; }

    public string? SourceVersion { get; init; }

    public int? TimeoutInMinutes { get; init; }

    public int? QueuedTimeoutInMinutes { get; init; }

    public IReadOnlyList<CodeBuildTag> Tags { get; init; } = [];

    /// <summary>The CloudWatch Logs group of the builds; null: CodeBuild's default.</summary>
    public string? LogsGroupName { get; init; }

    public int? ConcurrentBuildLimit { get; init; }

    public string? Arn { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public static CodeBuildProject Parse(JsonElement json) =>
        new(
            AwsJson.RequiredString(json, "name"),
            AwsJson.Object(json, "source", CodeBuildProjectSource.Parse) ?? throw new FormatException("'source' is missing"),
            AwsJson.Object(json, "artifacts", CodeBuildProjectArtifacts.Parse) ?? throw new FormatException("'artifacts' is missing"),
            AwsJson.Object(json, "environment", CodeBuildProjectEnvironment.Parse) ?? throw new FormatException("'environment' is missing"),
            AwsJson.String(json, "serviceRole") ?? "")
        {
            Description = AwsJson.String(json, "description"),
            SourceVersion = AwsJson.String(json, "sourceVersion"),
            TimeoutInMinutes = AwsJson.Int(json, "timeoutInMinutes"),
            QueuedTimeoutInMinutes = AwsJson.Int(json, "queuedTimeoutInMinutes"),
            Tags = AwsJson.List(json, "tags", CodeBuildTag.Parse),
            LogsGroupName = LogsGroup(json),
            ConcurrentBuildLimit = AwsJson.Int(json, "concurrentBuildLimit"),
            Arn = AwsJson.String(json, "arn"),
            Created = AwsJson.Timestamp(json, "created"),
            LastModified = AwsJson.Timestamp(json, "lastModified"),
        };

    /// <summary>The members of CreateProject's and UpdateProject's input.</summary>
    public void WriteMembers(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("name", Name);
        writer.WriteOptional("description", Description);
        writer.WriteOptional("source", Source, CodeBuildProjectSource.WriteMembers);
        writer.WriteOptional("sourceVersion", SourceVersion);
        writer.WriteOptional("artifacts", Artifacts, CodeBuildProjectArtifacts.WriteMembers);
        writer.WriteOptional("environment", Environment, CodeBuildProjectEnvironment.WriteMembers);
        writer.WriteString("serviceRole", ServiceRole);
        writer.WriteOptional("timeoutInMinutes", TimeoutInMinutes);
        writer.WriteOptional("queuedTimeoutInMinutes", QueuedTimeoutInMinutes);
        writer.WriteOptional("tags", Tags, CodeBuildTag.Write);
        if (LogsGroupName is not null)
        {
            writer.WriteStartObject("logsConfig");
            writer.WriteStartObject("cloudWatchLogs");
            writer.WriteString("status", "ENABLED");
            writer.WriteString("groupName", LogsGroupName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteOptional("concurrentBuildLimit", ConcurrentBuildLimit);
    }

    private static string? LogsGroup(JsonElement json) =>
        AwsJson.Object(json, "logsConfig", logs => AwsJson.Object(logs, "cloudWatchLogs", cw => new Text(AwsJson.String(cw, "groupName"))) ?? new Text(null))?.Value;

    private sealed record Text(string? Value);
}
