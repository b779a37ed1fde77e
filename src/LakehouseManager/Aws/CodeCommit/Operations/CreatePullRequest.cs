using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeCommit.Operations;

/// <summary>
/// <c>CreatePullRequest</c>: opens a pull request (tests and the fake's users; the product never opens one). References
/// may be branch names or full refs; a null destination is the repository's default branch.
/// </summary>
internal sealed record CreatePullRequestRequest(string Title, IReadOnlyList<CreatePullRequestTarget> Targets) : IAwsRequest
{
    public string? Description { get; init; }

    /// <summary>The idempotency token; the client sets a fresh one when null (botocore does the same).</summary>
    public string? ClientRequestToken { get; init; }

    public string Operation => "CreatePullRequest";

    // Safe to repeat because the client always sends a clientRequestToken: a repeat returns the pull request the first
    // attempt opened.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("title", Title);
        writer.WriteOptional("description", Description);
        writer.WriteOptional("targets", Targets, static (w, target) =>
        {
            w.WriteStartObject();
            w.WriteString("repositoryName", target.RepositoryName);
            w.WriteString("sourceReference", target.SourceReference);
            w.WriteOptional("destinationReference", target.DestinationReference);
            w.WriteEndObject();
        });
        writer.WriteOptional("clientRequestToken", ClientRequestToken);
    }
}

/// <summary>The model's <c>Target</c>: the branches a new pull request merges.</summary>
internal sealed record CreatePullRequestTarget(string RepositoryName, string SourceReference, string? DestinationReference = null);

/// <summary><c>{pullRequest}</c>.</summary>
internal sealed record CreatePullRequestResponse(CodeCommitPullRequest PullRequest)
{
    public static CreatePullRequestResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "pullRequest", CodeCommitPullRequest.Parse) ?? throw new FormatException("'pullRequest' is missing"));
}
