namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>A pull request as the fake keeps it (mutable; guarded by the fake's lock).</summary>
internal sealed class FakePullRequest
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string AuthorArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset LastActivityDate { get; set; }

    public string Status { get; set; } = "OPEN";

    public required string RepositoryName { get; init; }

    public required string SourceReference { get; init; }

    public required string DestinationReference { get; init; }

    public required string SourceCommit { get; set; }

    public required string DestinationCommit { get; set; }

    public string? MergeBase { get; set; }

    public bool IsMerged { get; set; }

    public string? MergedBy { get; set; }

    public string? MergeCommitId { get; set; }

    public string? MergeOption { get; set; }

    public string? ClientRequestToken { get; init; }

    public required string RevisionId { get; set; }
}

/// <summary>Where a file comment sits.</summary>
internal sealed record FakeLocation(string FilePath, long? FilePosition, string RelativeFileVersion);

/// <summary>A comment as the fake keeps it; <see cref="Group"/> is the thread group it belongs to.</summary>
internal sealed class FakeComment
{
    public required string Id { get; init; }

    public required FakeCommentGroup Group { get; init; }

    public string Content { get; set; } = "";

    public string? InReplyTo { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset LastModifiedDate { get; set; }

    public required string AuthorArn { get; init; }

    public bool Deleted { get; set; }

    public string? ClientRequestToken { get; init; }

    /// <summary>What an idempotent repeat must match: the request's members other than the token.</summary>
    public required string RequestFingerprint { get; init; }
}

/// <summary>The (pull request, before commit, after commit, location) that comments are grouped by.</summary>
internal sealed record FakeCommentGroup(
    string PullRequestId,
    string RepositoryName,
    string BeforeCommitId,
    string AfterCommitId,
    string? BeforeBlobId,
    string? AfterBlobId,
    FakeLocation? Location);

/// <summary>One entry of a pull request's history; <see cref="Metadata"/> writes the type's metadata member.</summary>
internal sealed record FakePullRequestEvent(
    string PullRequestId, DateTimeOffset EventDate, string Type, string ActorArn, string MetadataName,
    Action<System.Text.Json.Utf8JsonWriter> Metadata);
