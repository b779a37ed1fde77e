using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>A repository (the model's <c>RepositoryMetadata</c>; note the capital <c>Arn</c>).</summary>
internal sealed record CodeCommitRepositoryMetadata(
    string? AccountId,
    string? RepositoryId,
    string? RepositoryName,
    string? RepositoryDescription,
    string? DefaultBranch,
    DateTimeOffset? LastModifiedDate,
    DateTimeOffset? CreationDate,
    string? CloneUrlHttp,
    string? CloneUrlSsh,
    string? Arn)
{
    public static CodeCommitRepositoryMetadata Parse(JsonElement json) => new(
        AwsJson.String(json, "accountId"),
        AwsJson.String(json, "repositoryId"),
        AwsJson.String(json, "repositoryName"),
        AwsJson.String(json, "repositoryDescription"),
        AwsJson.String(json, "defaultBranch"),
        AwsJson.Timestamp(json, "lastModifiedDate"),
        AwsJson.Timestamp(json, "creationDate"),
        AwsJson.String(json, "cloneUrlHttp"),
        AwsJson.String(json, "cloneUrlSsh"),
        AwsJson.String(json, "Arn"));
}
