using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static LakehouseManager.Fakes.CodeCommit.CodeCommitFakeInput;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>CreatePullRequest, GetPullRequest, ListPullRequests, UpdatePullRequestStatus, DescribePullRequestEvents, GetRepository.</summary>
public sealed partial class CodeCommitFake
{
    private static readonly string[] s_eventTypes =
    [
        "PULL_REQUEST_CREATED", "PULL_REQUEST_STATUS_CHANGED", "PULL_REQUEST_SOURCE_REFERENCE_UPDATED",
        "PULL_REQUEST_MERGE_STATE_CHANGED", "PULL_REQUEST_APPROVAL_RULE_CREATED", "PULL_REQUEST_APPROVAL_RULE_UPDATED",
        "PULL_REQUEST_APPROVAL_RULE_DELETED", "PULL_REQUEST_APPROVAL_RULE_OVERRIDDEN", "PULL_REQUEST_APPROVAL_STATE_CHANGED",
    ];

    private void MapPullRequestOperations()
    {
        _operations["CreatePullRequest"] = CreatePullRequestAsync;
        _operations["GetPullRequest"] = call => Task.FromResult(PullRequestOutput(PullRequest(call.Input)));
        _operations["ListPullRequests"] = call => Task.FromResult(ListPullRequests(call.Input));
        _operations["UpdatePullRequestStatus"] = call => Task.FromResult(UpdatePullRequestStatus(call));
        _operations["DescribePullRequestEvents"] = call => Task.FromResult(DescribePullRequestEvents(call.Input));
        _operations["GetRepository"] = GetRepositoryAsync;
    }

    private async Task<Action<Utf8JsonWriter>> CreatePullRequestAsync(FakeCall call)
    {
        var input = call.Input;
        var title = Required(input, "title", "TitleRequiredException");
        if (title.Length > 150)
        {
            throw new CodeCommitFakeError("InvalidTitleException", "The title of the pull request is not valid. Titles are limited to 150 characters.");
        }

        var description = String(input, "description");
        if (description?.Length > 10_240)
        {
            throw new CodeCommitFakeError("InvalidDescriptionException", "Descriptions are limited to 10,240 characters.");
        }

        if (!input.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Array || targets.GetArrayLength() == 0)
        {
            throw new CodeCommitFakeError("TargetsRequiredException", "An array of target objects is required.");
        }

        if (targets.GetArrayLength() > 1)
        {
            throw new CodeCommitFakeError("MultipleRepositoriesInPullRequestException", "You cannot include more than one repository in a pull request.");
        }

        var target = targets[0];
        var repository = Repository(Required(target, "repositoryName", "RepositoryNameRequiredException"));
        var source = BranchReference(Required(target, "sourceReference", "ReferenceNameRequiredException"));
        var destination = BranchReference(String(target, "destinationReference") ?? repository.DefaultBranch);
        var token = ClientRequestToken(input);
        var fingerprint = $"{title}\n{description}\n{repository.Name}\n{source}\n{destination}";
        if (token is not null && _pullRequests.Values.FirstOrDefault(p => p.ClientRequestToken == token) is { } existing)
        {
            return Fingerprint(existing) == fingerprint
                ? PullRequestOutput(existing)
                : throw new CodeCommitFakeError("IdempotencyParameterMismatchException",
                    "The client request token is already used for a different pull request.");
        }

        if (source == destination)
        {
            throw new CodeCommitFakeError("SourceAndDestinationAreSameException", "The source branch and destination branch for the pull request are the same.");
        }

        var branches = await CodeCommitFakeGit.BranchesAsync(repository.Path, call.CancellationToken).ConfigureAwait(false);
        var sourceCommit = branches.GetValueOrDefault(source) ??
            throw new CodeCommitFakeError("ReferenceDoesNotExistException", $"The reference '{source}' does not exist.");
        var destinationCommit = branches.GetValueOrDefault(destination) ??
            throw new CodeCommitFakeError("ReferenceDoesNotExistException", $"The reference '{destination}' does not exist.");
        var pr = new FakePullRequest
        {
            Id = (_nextPullRequestId++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = title,
            Description = description,
            AuthorArn = call.CallerArn,
            CreationDate = Now,
            LastActivityDate = Now,
            RepositoryName = repository.Name,
            SourceReference = source,
            DestinationReference = destination,
            SourceCommit = sourceCommit,
            DestinationCommit = destinationCommit,
            MergeBase = await CodeCommitFakeGit.MergeBaseAsync(repository.Path, sourceCommit, destinationCommit, call.CancellationToken)
                .ConfigureAwait(false),
            ClientRequestToken = token,
            RevisionId = NewRevisionId(),
        };
        _pullRequests[pr.Id] = pr;
        // The metadata is what was true then: the pull request's commits move on.
        var (repositoryName, created, destinationAtCreation, mergeBase) = (pr.RepositoryName, pr.SourceCommit, pr.DestinationCommit, pr.MergeBase);
        AddPullRequestEvent(pr, "PULL_REQUEST_CREATED", call.CallerArn, "pullRequestCreatedEventMetadata", w =>
        {
            w.WriteString("repositoryName", repositoryName);
            w.WriteString("sourceCommitId", created);
            w.WriteString("destinationCommitId", destinationAtCreation);
            if (mergeBase is not null)
            {
                w.WriteString("mergeBase", mergeBase);
            }
        });
        call.Events.Add(StateChange("pullRequestCreated", pr, call.CallerArn));
        return PullRequestOutput(pr);
    }

    private Action<Utf8JsonWriter> ListPullRequests(JsonElement input)
    {
        var repository = Repository(Required(input, "repositoryName", "RepositoryNameRequiredException"));
        var status = String(input, "pullRequestStatus");
        if (status is not null and not ("OPEN" or "CLOSED"))
        {
            throw new CodeCommitFakeError("InvalidPullRequestStatusException", $"The pull request status '{status}' is not valid: OPEN or CLOSED.");
        }

        var author = String(input, "authorArn");
        var ids = _pullRequests.Values
            .Where(p => p.RepositoryName == repository.Name && (status is null || p.Status == status) && (author is null || p.AuthorArn == author))
            .OrderByDescending(p => long.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => p.Id)
            .ToList();
        var (page, next) = CodeCommitFakePaging.Page(ids, "ListPullRequests", String(input, "nextToken"), MaxResults(input, 1000, 100));
        return w =>
        {
            w.WriteStartArray("pullRequestIds");
            foreach (var id in page)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("nextToken", next);
            }
        };
    }

    private Action<Utf8JsonWriter> UpdatePullRequestStatus(FakeCall call)
    {
        var pr = PullRequest(call.Input);
        var status = Required(call.Input, "pullRequestStatus", "PullRequestStatusRequiredException");
        if (status is not ("OPEN" or "CLOSED"))
        {
            throw new CodeCommitFakeError("InvalidPullRequestStatusException", $"The pull request status '{status}' is not valid: OPEN or CLOSED.");
        }

        if (pr.Status == "CLOSED" && status == "OPEN")
        {
            throw new CodeCommitFakeError("InvalidPullRequestStatusUpdateException", "A closed pull request cannot be reopened.");
        }

        if (pr.Status == "OPEN" && status == "CLOSED")
        {
            pr.Status = "CLOSED";
            pr.LastActivityDate = Now;
            AddPullRequestEvent(pr, "PULL_REQUEST_STATUS_CHANGED", call.CallerArn, "pullRequestStatusChangedEventMetadata",
                w => w.WriteString("pullRequestStatus", "CLOSED"));
            call.Events.Add(StateChange("pullRequestStatusChanged", pr, call.CallerArn));
        }

        return PullRequestOutput(pr);
    }

    private Action<Utf8JsonWriter> DescribePullRequestEvents(JsonElement input)
    {
        var pr = PullRequest(input);
        var type = String(input, "pullRequestEventType");
        if (type is not null && !s_eventTypes.Contains(type))
        {
            throw new CodeCommitFakeError("InvalidPullRequestEventTypeException", $"The pull request event type '{type}' is not valid.");
        }

        var actor = String(input, "actorArn");
        var events = _pullRequestEvents
            .Where(e => e.PullRequestId == pr.Id && (type is null || e.Type == type) && (actor is null || e.ActorArn == actor))
            .ToList();
        var (page, next) = CodeCommitFakePaging.Page(events, "DescribePullRequestEvents", String(input, "nextToken"), MaxResults(input, 100, 100));
        return w =>
        {
            w.WriteStartArray("pullRequestEvents");
            foreach (var item in page)
            {
                w.WriteStartObject();
                w.WriteString("pullRequestId", item.PullRequestId);
                CodeCommitFakeJson.Timestamp(w, "eventDate", item.EventDate);
                w.WriteString("pullRequestEventType", item.Type);
                w.WriteString("actorArn", item.ActorArn);
                w.WriteStartObject(item.MetadataName);
                item.Metadata(w);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("nextToken", next);
            }
        };
    }

    private async Task<Action<Utf8JsonWriter>> GetRepositoryAsync(FakeCall call)
    {
        var repository = Repository(Required(call.Input, "repositoryName", "RepositoryNameRequiredException"));
        var branches = await CodeCommitFakeGit.BranchesAsync(repository.Path, call.CancellationToken).ConfigureAwait(false);
        return w =>
        {
            w.WriteStartObject("repositoryMetadata");
            w.WriteString("accountId", AccountId);
            w.WriteString("repositoryId", repository.RepositoryId);
            w.WriteString("repositoryName", repository.Name);
            if (repository.Description is not null)
            {
                w.WriteString("repositoryDescription", repository.Description);
            }

            // CodeCommit has no default branch until the first push creates one.
            if (branches.ContainsKey($"refs/heads/{repository.DefaultBranch}"))
            {
                w.WriteString("defaultBranch", repository.DefaultBranch);
            }

            CodeCommitFakeJson.Timestamp(w, "lastModifiedDate", repository.CreationDate);
            CodeCommitFakeJson.Timestamp(w, "creationDate", repository.CreationDate);
            w.WriteString("cloneUrlHttp", $"https://git-codecommit.{Region}.amazonaws.com/v1/repos/{repository.Name}");
            w.WriteString("cloneUrlSsh", $"ssh://git-codecommit.{Region}.amazonaws.com/v1/repos/{repository.Name}");
            w.WriteString("Arn", repository.Arn);
            w.WriteEndObject();
        };
    }

    /// <summary>Open pull requests follow their branches: a moved source is an update event, a moved destination is not.</summary>
    private async Task RefreshPullRequestsAsync(List<CodeCommitFakeEvent> events, CancellationToken cancellationToken)
    {
        foreach (var group in _pullRequests.Values.Where(p => p.Status == "OPEN").GroupBy(p => p.RepositoryName))
        {
            var repository = _repositories[group.Key];
            var branches = await CodeCommitFakeGit.BranchesAsync(repository.Path, cancellationToken).ConfigureAwait(false);
            foreach (var pr in group.OrderBy(p => long.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture)))
            {
                var source = branches.GetValueOrDefault(pr.SourceReference) ?? pr.SourceCommit;
                var destination = branches.GetValueOrDefault(pr.DestinationReference) ?? pr.DestinationCommit;
                if (source == pr.SourceCommit && destination == pr.DestinationCommit)
                {
                    continue;
                }

                var before = pr.SourceCommit;
                pr.SourceCommit = source;
                pr.DestinationCommit = destination;
                pr.MergeBase = await CodeCommitFakeGit.MergeBaseAsync(repository.Path, source, destination, cancellationToken)
                    .ConfigureAwait(false);
                if (source == before)
                {
                    continue;
                }

                pr.RevisionId = NewRevisionId();
                pr.LastActivityDate = Now;
                var actor = $"arn:aws:iam::{AccountId}:user/git-push";
                var mergeBase = pr.MergeBase;
                AddPullRequestEvent(pr, "PULL_REQUEST_SOURCE_REFERENCE_UPDATED", actor, "pullRequestSourceReferenceUpdatedEventMetadata", w =>
                {
                    w.WriteString("repositoryName", pr.RepositoryName);
                    w.WriteString("beforeCommitId", before);
                    w.WriteString("afterCommitId", source);
                    if (mergeBase is not null)
                    {
                        w.WriteString("mergeBase", mergeBase);
                    }
                });
                events.Add(StateChange("pullRequestSourceBranchUpdated", pr, actor));
            }
        }
    }

    private FakePullRequest PullRequest(JsonElement input)
    {
        var id = PullRequestId(input);
        return _pullRequests.TryGetValue(id, out var pr)
            ? pr
            : throw new CodeCommitFakeError("PullRequestDoesNotExistException", $"The pull request ID '{id}' could not be found.");
    }

    private CodeCommitFakeRepository Repository(string name)
    {
        if (name.Length > 100)
        {
            throw new CodeCommitFakeError("InvalidRepositoryNameException", "Repository names are limited to 100 characters.");
        }

        return _repositories.TryGetValue(name, out var repository)
            ? repository
            : throw new CodeCommitFakeError("RepositoryDoesNotExistException", $"{name} does not exist");
    }

    private static string BranchReference(string reference)
    {
        if (reference.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            return reference;
        }

        return reference.StartsWith("refs/", StringComparison.Ordinal)
            ? throw new CodeCommitFakeError("ReferenceTypeNotSupportedException", $"The reference '{reference}' is not a branch.")
            : $"refs/heads/{reference}";
    }

    private void AddPullRequestEvent(FakePullRequest pr, string type, string actor, string metadataName, Action<Utf8JsonWriter> metadata) =>
        _pullRequestEvents.Add(new FakePullRequestEvent(pr.Id, Now, type, actor, metadataName, metadata));

    private CodeCommitFakeEvent StateChange(string eventName, FakePullRequest pr, string caller) =>
        CodeCommitFakeEvents.PullRequestStateChange(eventName, pr, _repositories[pr.RepositoryName], caller, Region, AccountId, Now);

    private static Action<Utf8JsonWriter> PullRequestOutput(FakePullRequest pr) =>
        w => CodeCommitFakeJson.PullRequest(w, "pullRequest", pr);

    private static string Fingerprint(FakePullRequest pr) =>
        $"{pr.Title}\n{pr.Description}\n{pr.RepositoryName}\n{pr.SourceReference}\n{pr.DestinationReference}";

    private static string NewRevisionId() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())));
}
