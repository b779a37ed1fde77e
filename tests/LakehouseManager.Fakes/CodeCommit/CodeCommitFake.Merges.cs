using System.Text.Json;
using static LakehouseManager.Fakes.CodeCommit.CodeCommitFakeInput;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// MergePullRequestByFastForward, BySquash and ByThreeWay, done with git in the bare repository. Conflicts are never
/// resolved (any conflictResolutionStrategy): a conflicting merge is ManualMergeRequiredException.
/// </summary>
public sealed partial class CodeCommitFake
{
    private void MapMergeOperations()
    {
        _operations["MergePullRequestByFastForward"] = call => MergeAsync(call, "FAST_FORWARD_MERGE");
        _operations["MergePullRequestBySquash"] = call => MergeAsync(call, "SQUASH_MERGE");
        _operations["MergePullRequestByThreeWay"] = call => MergeAsync(call, "THREE_WAY_MERGE");
    }

    private async Task<Action<Utf8JsonWriter>> MergeAsync(FakeCall call, string option)
    {
        var input = call.Input;
        var pr = PullRequest(input);
        var repository = Repository(Required(input, "repositoryName", "RepositoryNameRequiredException"));
        if (repository.Name != pr.RepositoryName)
        {
            throw new CodeCommitFakeError("RepositoryNotAssociatedWithPullRequestException",
                $"The repository '{repository.Name}' is not associated with pull request {pr.Id}.");
        }

        if (pr.Status == "CLOSED")
        {
            throw new CodeCommitFakeError("PullRequestAlreadyClosedException", "The pull request status cannot be updated because it is already closed.");
        }

        var ct = call.CancellationToken;
        var branches = await CodeCommitFakeGit.BranchesAsync(repository.Path, ct).ConfigureAwait(false);
        var source = branches.GetValueOrDefault(pr.SourceReference) ??
            throw new CodeCommitFakeError("ReferenceDoesNotExistException", $"The reference '{pr.SourceReference}' does not exist.");
        var destination = branches.GetValueOrDefault(pr.DestinationReference) ??
            throw new CodeCommitFakeError("ReferenceDoesNotExistException", $"The reference '{pr.DestinationReference}' does not exist.");
        if (String(input, "sourceCommitId") is { } expected && expected != source)
        {
            throw new CodeCommitFakeError("TipOfSourceReferenceIsDifferentException",
                "The tip of the source reference is different from the source commit ID you specified.");
        }

        var merged = option switch
        {
            "FAST_FORWARD_MERGE" => await FastForwardAsync(repository, source, destination, ct).ConfigureAwait(false),
            _ => await MergeCommitAsync(call, pr, repository, source, destination, option == "THREE_WAY_MERGE").ConfigureAwait(false),
        };
        if (merged != destination &&
            !await CodeCommitFakeGit.UpdateRefAsync(repository.Path, pr.DestinationReference, merged, destination, ct).ConfigureAwait(false))
        {
            throw new CodeCommitFakeError("ConcurrentReferenceUpdateException",
                "The merge cannot be completed because the target branch has been modified.");
        }

        pr.SourceCommit = source;
        pr.DestinationCommit = destination;
        pr.Status = "CLOSED";
        pr.IsMerged = true;
        pr.MergedBy = call.CallerArn;
        pr.MergeCommitId = merged;
        pr.MergeOption = option;
        pr.LastActivityDate = Now;
        pr.RevisionId = NewRevisionId();
        var (repositoryName, destinationReference, mergedBy) = (pr.RepositoryName, pr.DestinationReference, call.CallerArn);
        AddPullRequestEvent(pr, "PULL_REQUEST_MERGE_STATE_CHANGED", call.CallerArn, "pullRequestMergedStateChangedEventMetadata", w =>
        {
            w.WriteString("repositoryName", repositoryName);
            w.WriteString("destinationReference", destinationReference);
            w.WriteStartObject("mergeMetadata");
            w.WriteBoolean("isMerged", true);
            w.WriteString("mergedBy", mergedBy);
            w.WriteString("mergeCommitId", merged);
            w.WriteString("mergeOption", option);
            w.WriteEndObject();
        });
        AddPullRequestEvent(pr, "PULL_REQUEST_STATUS_CHANGED", call.CallerArn, "pullRequestStatusChangedEventMetadata",
            w => w.WriteString("pullRequestStatus", "CLOSED"));
        call.Events.Add(StateChange("pullRequestMergeStatusUpdated", pr, call.CallerArn));
        if (_options.StatusChangedEventOnMerge)
        {
            call.Events.Add(StateChange("pullRequestStatusChanged", pr, call.CallerArn));
        }

        return PullRequestOutput(pr);
    }

    private static async Task<string> FastForwardAsync(
        CodeCommitFakeRepository repository, string source, string destination, CancellationToken cancellationToken)
    {
        if (await CodeCommitFakeGit.IsAncestorAsync(repository.Path, source, destination, cancellationToken).ConfigureAwait(false))
        {
            return destination;
        }

        return await CodeCommitFakeGit.IsAncestorAsync(repository.Path, destination, source, cancellationToken).ConfigureAwait(false)
            ? source
            : throw ManualMergeRequired();
    }

    private async Task<string> MergeCommitAsync(
        FakeCall call, FakePullRequest pr, CodeCommitFakeRepository repository, string source, string destination, bool threeWay)
    {
        var ct = call.CancellationToken;
        var tree = await CodeCommitFakeGit.MergeTreeAsync(repository.Path, destination, source, ct).ConfigureAwait(false) ??
            throw ManualMergeRequired();
        var branch = pr.SourceReference["refs/heads/".Length..];
        var target = pr.DestinationReference["refs/heads/".Length..];
        var message = String(call.Input, "commitMessage") ?? (threeWay
            ? $"Merge branch '{branch}' into {target}"
            : $"Squash merge of pull request {pr.Id}: {pr.Title}");
        var author = String(call.Input, "authorName") ?? call.CallerArn.Split('/')[^1];
        var email = String(call.Input, "email") ?? $"{author}@codecommit.invalid";
        IReadOnlyList<string> parents = threeWay ? [destination, source] : [destination];
        return await CodeCommitFakeGit.CommitTreeAsync(repository.Path, tree, parents, message, author, email, Now, ct).ConfigureAwait(false);
    }

    private static CodeCommitFakeError ManualMergeRequired() =>
        new("ManualMergeRequiredException",
            "The pull request cannot be merged automatically into the destination branch. You must manually merge the " +
            "branches and try again.");
}
