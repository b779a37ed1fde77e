using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary><c>GetPullRequest</c> <c>{pullRequestId}</c>.</summary>
internal sealed record GetPullRequestRequest(string PullRequestId) : IAwsRequest
{
    public string Operation => "GetPullRequest";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("pullRequestId", PullRequestId);
}

/// <summary><c>{pullRequest}</c>.</summary>
internal sealed record GetPullRequestResponse(CodeCommitPullRequest PullRequest)
{
    public static GetPullRequestResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "pullRequest", CodeCommitPullRequest.Parse) ?? throw new FormatException("'pullRequest' is missing"));
}
