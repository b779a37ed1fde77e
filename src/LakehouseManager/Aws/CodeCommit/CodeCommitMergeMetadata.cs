using System.Text.Json;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>Whether and how a pull request was merged (the model's <c>MergeMetadata</c>); absent <c>isMerged</c> is false.</summary>
internal sealed record CodeCommitMergeMetadata(bool IsMerged, string? MergedBy, string? MergeCommitId, string? MergeOption)
{
    public const string FastForward = "FAST_FORWARD_MERGE";

    public const string Squash = "SQUASH_MERGE";

    public const string ThreeWay = "THREE_WAY_MERGE";

    public static CodeCommitMergeMetadata Parse(JsonElement json) => new(
        AwsJson.Boolean(json, "isMerged") ?? false,
        AwsJson.String(json, "mergedBy"),
        AwsJson.String(json, "mergeCommitId"),
        AwsJson.String(json, "mergeOption"));
}
