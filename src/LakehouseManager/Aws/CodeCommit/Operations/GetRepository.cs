using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>GetRepository</c> <c>{repositoryName}</c>.</summary>
internal sealed record GetRepositoryRequest(string RepositoryName) : IAwsRequest
{
    public string Operation => "GetRepository";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("repositoryName", RepositoryName);
}

/// <summary><c>{repositoryMetadata}</c>.</summary>
internal sealed record GetRepositoryResponse(CodeCommitRepositoryMetadata RepositoryMetadata)
{
    public static GetRepositoryResponse Parse(JsonElement json) => new(
        AwsJson.Object(json, "repositoryMetadata", CodeCommitRepositoryMetadata.Parse) ??
        throw new FormatException("'repositoryMetadata' is missing"));
}
