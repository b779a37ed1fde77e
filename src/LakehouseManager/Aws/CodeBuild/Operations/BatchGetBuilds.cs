using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeBuild.Operations;

/// <summary><c>BatchGetBuilds</c> <c>{ids}</c>: up to 100 builds with their phases.</summary>
internal sealed record BatchGetBuildsRequest(IReadOnlyList<string> Ids) : IAwsRequest
{
    public string Operation => "BatchGetBuilds";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteOptional("ids", Ids);
}

/// <summary><c>{builds, buildsNotFound}</c>.</summary>
internal sealed record BatchGetBuildsResponse(IReadOnlyList<CodeBuildBuild> Builds, IReadOnlyList<string> BuildsNotFound)
{
    public static BatchGetBuildsResponse Parse(JsonElement json) =>
        new(AwsJson.List(json, "builds", CodeBuildBuild.Parse), AwsJson.Strings(json, "buildsNotFound"));
}
