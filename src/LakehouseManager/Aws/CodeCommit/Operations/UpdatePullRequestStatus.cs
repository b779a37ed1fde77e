using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary>
/// <c>UpdatePullRequestStatus</c> <c>{pullRequestId, pullRequestStatus}</c>: closes a pull request without merging it.
/// OPEN→OPEN, OPEN→CLOSED and CLOSED→CLOSED are valid.
/// </summary>
internal sealed record UpdatePullRequestStatusRequest(string PullRequestId, string PullRequestStatus) : IAwsRequest
{
    public string Operation => "UpdatePullRequestStatus";

    // It sets a status rather than toggling one, and CLOSED→CLOSED is valid: a repeat changes nothing.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("pullRequestId", PullRequestId);
        writer.WriteString("pullRequestStatus", PullRequestStatus);
    }
}

/// <summary><c>{pullRequest}</c>.</summary>
internal sealed record UpdatePullRequestStatusResponse(CodeCommitPullRequest PullRequest)
{
    public static UpdatePullRequestStatusResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "pullRequest", CodeCommitPullRequest.Parse) ?? throw new FormatException("'pullRequest' is missing"));
}
