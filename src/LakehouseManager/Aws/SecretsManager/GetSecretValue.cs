using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.SecretsManager;

/// <summary>
/// <c>GetSecretValue</c> <c>{SecretId, VersionId?, VersionStage?}</c> (api-facts C.8): the name or ARN, and by default
/// the <c>AWSCURRENT</c> version.
/// </summary>
internal sealed record GetSecretValueRequest(string SecretId) : IAwsRequest
{
    public string? VersionId { get; init; }

    public string? VersionStage { get; init; }

    public string Operation => "GetSecretValue";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("SecretId", SecretId);
        writer.WriteOptional("VersionId", VersionId);
        writer.WriteOptional("VersionStage", VersionStage);
    }
}

/// <summary>
/// The secret's value and version. <see cref="ToString"/> never shows <see cref="SecretString"/> or
/// <see cref="SecretBinary"/>: this record must not carry a secret into a log or a message.
/// </summary>
internal sealed record GetSecretValueResponse(
    string? Arn,
    string? Name,
    string? VersionId,
    string? SecretString,
    byte[]? SecretBinary,
    IReadOnlyList<string> VersionStages,
    DateTimeOffset? CreatedDate)
{
    public static GetSecretValueResponse Parse(JsonElement json) => new(
        AwsJson.String(json, "ARN"),
        AwsJson.String(json, "Name"),
        AwsJson.String(json, "VersionId"),
        AwsJson.String(json, "SecretString"),
        AwsJson.String(json, "SecretBinary") is { } binary ? Convert.FromBase64String(binary) : null,
        AwsJson.Strings(json, "VersionStages"),
        AwsJson.Timestamp(json, "CreatedDate"));

    public override string ToString() => $"GetSecretValueResponse {{ Name = {Name}, VersionId = {VersionId}, value = *** }}";
}
