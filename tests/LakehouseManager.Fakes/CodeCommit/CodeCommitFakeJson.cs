using System.Text;
using System.Text.Json;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>Writes the model's output shapes with its member names; timestamps are epoch seconds (JSON 1.1).</summary>
internal static class CodeCommitFakeJson
{
    /// <summary>An object whose members <paramref name="writeMembers"/> writes, as text.</summary>
    public static string Object(Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Timestamp(Utf8JsonWriter writer, string name, DateTimeOffset time) =>
        writer.WriteNumber(name, time.ToUnixTimeMilliseconds() / 1000m);

    public static void PullRequest(Utf8JsonWriter writer, string name, FakePullRequest pr)
    {
        writer.WriteStartObject(name);
        writer.WriteString("pullRequestId", pr.Id);
        writer.WriteString("title", pr.Title);
        if (pr.Description is not null)
        {
            writer.WriteString("description", pr.Description);
        }

        Timestamp(writer, "lastActivityDate", pr.LastActivityDate);
        Timestamp(writer, "creationDate", pr.CreationDate);
        writer.WriteString("pullRequestStatus", pr.Status);
        writer.WriteString("authorArn", pr.AuthorArn);
        writer.WriteStartArray("pullRequestTargets");
        writer.WriteStartObject();
        writer.WriteString("repositoryName", pr.RepositoryName);
        writer.WriteString("sourceReference", pr.SourceReference);
        writer.WriteString("destinationReference", pr.DestinationReference);
        writer.WriteString("destinationCommit", pr.DestinationCommit);
        writer.WriteString("sourceCommit", pr.SourceCommit);
        if (pr.MergeBase is not null)
        {
            writer.WriteString("mergeBase", pr.MergeBase);
        }

        MergeMetadata(writer, pr);
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (pr.ClientRequestToken is not null)
        {
            writer.WriteString("clientRequestToken", pr.ClientRequestToken);
        }

        writer.WriteString("revisionId", pr.RevisionId);
        writer.WriteStartArray("approvalRules");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void MergeMetadata(Utf8JsonWriter writer, FakePullRequest pr)
    {
        writer.WriteStartObject("mergeMetadata");
        writer.WriteBoolean("isMerged", pr.IsMerged);
        if (pr.IsMerged)
        {
            writer.WriteString("mergedBy", pr.MergedBy);
            writer.WriteString("mergeCommitId", pr.MergeCommitId);
            writer.WriteString("mergeOption", pr.MergeOption);
        }

        writer.WriteEndObject();
    }

    public static void Comment(Utf8JsonWriter writer, string? name, FakeComment comment)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteString("commentId", comment.Id);
        if (!comment.Deleted)
        {
            writer.WriteString("content", comment.Content);
        }

        if (comment.InReplyTo is not null)
        {
            writer.WriteString("inReplyTo", comment.InReplyTo);
        }

        Timestamp(writer, "creationDate", comment.CreationDate);
        Timestamp(writer, "lastModifiedDate", comment.LastModifiedDate);
        writer.WriteString("authorArn", comment.AuthorArn);
        writer.WriteBoolean("deleted", comment.Deleted);
        if (comment.ClientRequestToken is not null)
        {
            writer.WriteString("clientRequestToken", comment.ClientRequestToken);
        }

        writer.WriteStartArray("callerReactions");
        writer.WriteEndArray();
        writer.WriteStartObject("reactionCounts");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The members a comment group shares: the commits, blobs and location.</summary>
    public static void GroupMembers(Utf8JsonWriter writer, FakeCommentGroup group)
    {
        writer.WriteString("repositoryName", group.RepositoryName);
        writer.WriteString("pullRequestId", group.PullRequestId);
        writer.WriteString("beforeCommitId", group.BeforeCommitId);
        writer.WriteString("afterCommitId", group.AfterCommitId);
        if (group.BeforeBlobId is not null)
        {
            writer.WriteString("beforeBlobId", group.BeforeBlobId);
        }

        if (group.AfterBlobId is not null)
        {
            writer.WriteString("afterBlobId", group.AfterBlobId);
        }

        if (group.Location is { } location)
        {
            writer.WriteStartObject("location");
            writer.WriteString("filePath", location.FilePath);
            if (location.FilePosition is { } position)
            {
                writer.WriteNumber("filePosition", position);
            }

            writer.WriteString("relativeFileVersion", location.RelativeFileVersion);
            writer.WriteEndObject();
        }
    }
}
