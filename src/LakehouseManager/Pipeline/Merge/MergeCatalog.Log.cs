using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Merge;

public sealed partial class MergeCatalog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "{PullRequest} is merged in git (target at {TargetCommit}). Its mirror commit {GitCommit} records " +
            "catalog branch {CatalogRef} at {CatalogHash}: merging that reviewed state.")]
    private partial void LogReviewedState(
        string pullRequest, string targetCommit, string gitCommit, string catalogRef, string catalogHash);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Catalog branch {Branch} has moved on to {Head} since {Hash} was mirrored and reviewed: those later " +
            "changes were never synced to the pull request and are not merged; they stay on {Branch}.")]
    private partial void LogUnreviewedChanges(string branch, string head, string hash);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Catalog branch {Source} at {Hash} is already merged into {Target} (at {TargetHash}): nothing to do.")]
    private partial void LogAlreadyMerged(string source, string hash, string target, string targetHash);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Catalog branch {Target} moved away from {Hash} during the merge; re-reading it and retrying " +
            "(attempt {Attempt} of {MaxAttempts}).")]
    private partial void LogTargetMoved(string target, string hash, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Count} conflict(s) merging catalog branch {Source} at {Hash} into {Target} at {TargetHash}; " +
            "nothing was merged:")]
    private partial void LogConflicts(int count, string source, string hash, string target, string targetHash);

    [LoggerMessage(Level = LogLevel.Error, Message = "  {Key}: {ConflictType}: {Detail}")]
    private partial void LogConflict(string key, string conflictType, string detail);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Merged catalog branch {Source} at {Hash} into {Target}: {Target} is now at {TargetHash}.")]
    private partial void LogMerged(string source, string hash, string target, string targetHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not comment on {PullRequest}: {Reason}")]
    private partial void LogCommentFailed(string pullRequest, string reason);
}
