using System.Text.Json;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// An EventBridge event as CodeCommit sends it (api-facts C.3): <see cref="DetailType"/> is
/// "CodeCommit Pull Request State Change" or "CodeCommit Comment on Pull Request", <see cref="EventName"/> is
/// <c>detail.event</c>, <see cref="Json"/> the whole envelope.
/// </summary>
public sealed record CodeCommitFakeEvent(string DetailType, string EventName, string PullRequestId, string Json)
{
    public const string PullRequestStateChange = "CodeCommit Pull Request State Change";

    public const string CommentOnPullRequest = "CodeCommit Comment on Pull Request";

    /// <summary>The envelope, parsed (dispose it).</summary>
    public JsonDocument Parse() => JsonDocument.Parse(Json);
}
