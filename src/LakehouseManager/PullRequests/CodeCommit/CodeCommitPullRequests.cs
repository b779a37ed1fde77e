using LakehouseManager.Aws.CodeCommit;

namespace LakehouseManager.PullRequests.CodeCommit;

/// <summary>CodeCommit's payloads as the port's records. No I/O.</summary>
internal static class CodeCommitPullRequests
{
    private const string BranchPrefix = "refs/heads/";

    public static PullRequest ToPort(CodeCommitPullRequest raw, string id)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var target = raw.PullRequestTargets.Count == 1
            ? raw.PullRequestTargets[0]
            : throw new LakehouseException(
                $"Pull request {id} has {raw.PullRequestTargets.Count} targets; a mirror pull request has exactly one.");
        var merge = target.MergeMetadata is { IsMerged: true } metadata
            ? new PullRequestMerge(metadata.MergeCommitId, Option(metadata.MergeOption), target.SourceCommit, metadata.MergedBy)
            : null;
        return new PullRequest(
            target.RepositoryName ?? throw new LakehouseException($"CodeCommit did not say which repository pull request {id} belongs to."),
            raw.PullRequestId ?? id,
            raw.Title ?? "",
            raw.PullRequestStatus == CodeCommitPullRequest.Open ? PullRequestStatus.Open : PullRequestStatus.Closed,
            Branch(target.SourceReference, id),
            Branch(target.DestinationReference, id),
            target.SourceCommit,
            target.DestinationCommit,
            merge);
    }

    public static PullRequestComment ToPort(CodeCommitComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var created = comment.CreationDate ?? DateTimeOffset.MinValue;
        return new PullRequestComment(
            comment.CommentId ?? throw new LakehouseException("CodeCommit returned a comment without an id."),
            comment.AuthorArn ?? "",
            comment.Deleted ? "" : comment.Content ?? "",
            created,
            comment.InReplyTo,
            comment.LastModifiedDate is { } modified && modified > created ? modified : null,
            comment.Deleted,
            string.IsNullOrEmpty(comment.ClientRequestToken) ? null : comment.ClientRequestToken);
    }

    private static string Branch(string? reference, string id) =>
        reference is not null && reference.StartsWith(BranchPrefix, StringComparison.Ordinal)
            ? reference[BranchPrefix.Length..]
            : throw new LakehouseException($"Pull request {id} has '{reference}' where a branch (refs/heads/NAME) was expected.");

    private static PullRequestMergeOption? Option(string? option) => option switch
    {
        CodeCommitMergeMetadata.FastForward => PullRequestMergeOption.FastForward,
        CodeCommitMergeMetadata.Squash => PullRequestMergeOption.Squash,
        CodeCommitMergeMetadata.ThreeWay => PullRequestMergeOption.ThreeWay,
        _ => null,
    };
}
