using System.Globalization;
using System.Text.Json;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// The EventBridge events CodeCommit sends (api-facts C.3, the CodeCommit user guide's monitoring-events page):
/// <c>isMerged</c> is the string "True"/"False", <c>pullRequestStatus</c> is "Open"/"Closed", pull-request events name
/// the repository in <c>repositoryNames</c> and comment events in <c>repositoryName</c>, refs are full, and the dates
/// in <c>detail</c> are free-form text (use the envelope's <c>time</c>).
/// </summary>
internal static class CodeCommitFakeEvents
{
    public static CodeCommitFakeEvent PullRequestStateChange(
        string eventName, FakePullRequest pr, CodeCommitFakeRepository repository, string callerArn, string region,
        string accountId, DateTimeOffset time)
    {
        var json = Envelope(CodeCommitFakeEvent.PullRequestStateChange, repository, region, accountId, time, detail =>
        {
            detail.WriteString("author", pr.AuthorArn);
            detail.WriteString("callerUserArn", callerArn);
            detail.WriteString("creationDate", FreeFormDate(pr.CreationDate));
            detail.WriteString("description", pr.Description ?? "");
            detail.WriteString("destinationCommit", pr.DestinationCommit);
            detail.WriteString("destinationReference", pr.DestinationReference);
            detail.WriteString("event", eventName);
            detail.WriteString("isMerged", pr.IsMerged ? "True" : "False");
            detail.WriteString("lastModifiedDate", FreeFormDate(pr.LastActivityDate));
            if (pr.IsMerged && pr.MergeOption is not null)
            {
                detail.WriteString("mergeOption", pr.MergeOption);
            }

            detail.WriteString("notificationBody",
                $"A pull request event occurred in the following AWS CodeCommit repository: {repository.Name}. " +
                $"The user: {callerArn} made a change to the pull request {pr.Id} ({eventName}).");
            detail.WriteString("pullRequestId", pr.Id);
            detail.WriteString("pullRequestStatus", pr.Status == "OPEN" ? "Open" : "Closed");
            detail.WriteStartArray("repositoryNames");
            detail.WriteStringValue(repository.Name);
            detail.WriteEndArray();
            detail.WriteString("revisionId", pr.RevisionId);
            detail.WriteString("sourceCommit", pr.SourceCommit);
            detail.WriteString("sourceReference", pr.SourceReference);
            detail.WriteString("title", pr.Title);
        });
        return new CodeCommitFakeEvent(CodeCommitFakeEvent.PullRequestStateChange, eventName, pr.Id, json);
    }

    public static CodeCommitFakeEvent CommentCreated(
        FakeComment comment, CodeCommitFakeRepository repository, string callerArn, string region, string accountId,
        DateTimeOffset time)
    {
        const string EventName = "commentOnPullRequestCreated";
        var group = comment.Group;
        var json = Envelope(CodeCommitFakeEvent.CommentOnPullRequest, repository, region, accountId, time, detail =>
        {
            detail.WriteString("afterCommitId", group.AfterCommitId);
            detail.WriteString("beforeCommitId", group.BeforeCommitId);
            detail.WriteString("callerUserArn", callerArn);
            detail.WriteString("commentId", comment.Id);
            detail.WriteString("event", EventName);
            if (comment.InReplyTo is not null)
            {
                detail.WriteString("inReplyTo", comment.InReplyTo);
            }

            detail.WriteString("notificationBody",
                $"A pull request event occurred in the following AWS CodeCommit repository: {repository.Name}. " +
                $"The user: {callerArn} made a comment or replied to a comment on pull request {group.PullRequestId}.");
            detail.WriteString("pullRequestId", group.PullRequestId);
            detail.WriteString("repositoryId", repository.RepositoryId);
            detail.WriteString("repositoryName", repository.Name);
        });
        return new CodeCommitFakeEvent(CodeCommitFakeEvent.CommentOnPullRequest, EventName, group.PullRequestId, json);
    }

    private static string Envelope(
        string detailType, CodeCommitFakeRepository repository, string region, string accountId, DateTimeOffset time,
        Action<Utf8JsonWriter> writeDetail) =>
        CodeCommitFakeJson.Object(writer =>
        {
            writer.WriteString("version", "0");
            writer.WriteString("id", Guid.NewGuid().ToString("D"));
            writer.WriteString("detail-type", detailType);
            writer.WriteString("source", "aws.codecommit");
            writer.WriteString("account", accountId);
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("region", region);
            writer.WriteStartArray("resources");
            writer.WriteStringValue(repository.Arn);
            writer.WriteEndArray();
            writer.WriteStartObject("detail");
            writeDetail(writer);
            writer.WriteEndObject();
        });

    // The user guide's samples read "Tue Feb 9 2019 10:18:42 PDT": a display date, not ISO 8601.
    private static string FreeFormDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd MMM d yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
