using System.Text.Json;
using static LakehouseManager.Fakes.CodeCommit.CodeCommitFakeInput;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>PostCommentForPullRequest, PostCommentReply, GetComment, GetCommentsForPullRequest.</summary>
public sealed partial class CodeCommitFake
{
    private readonly Dictionary<string, FakeComment> _commentsByToken = new(StringComparer.Ordinal);
    private readonly Queue<string> _nextCommentIds = new();

    private void MapCommentOperations()
    {
        _operations["PostCommentForPullRequest"] = PostCommentForPullRequestAsync;
        _operations["PostCommentReply"] = call => Task.FromResult(PostCommentReply(call));
        _operations["GetComment"] = call => Task.FromResult<Action<Utf8JsonWriter>>(
            w => CodeCommitFakeJson.Comment(w, "comment", Comment(Required(call.Input, "commentId", "CommentIdRequiredException"))));
        _operations["GetCommentsForPullRequest"] = call => Task.FromResult(GetCommentsForPullRequest(call.Input));
    }

    private async Task<Action<Utf8JsonWriter>> PostCommentForPullRequestAsync(FakeCall call)
    {
        var input = call.Input;
        var pr = PullRequest(input);
        var repository = Repository(Required(input, "repositoryName", "RepositoryNameRequiredException"));
        if (repository.Name != pr.RepositoryName)
        {
            throw new CodeCommitFakeError("RepositoryNotAssociatedWithPullRequestException",
                $"The repository '{repository.Name}' is not associated with pull request {pr.Id}.");
        }

        var before = CommitId(input, "beforeCommitId");
        var after = CommitId(input, "afterCommitId");
        var content = Content(input);
        var location = Location(input);
        var token = ClientRequestToken(input);
        var fingerprint = $"{pr.Id}\n{before}\n{after}\n{location}\n{content}";
        if (Repeat(token, fingerprint) is { } repeated)
        {
            return PostCommentOutput(repeated);
        }

        if (before == after)
        {
            throw new CodeCommitFakeError("BeforeCommitIdAndAfterCommitIdAreSameException",
                "The before commit ID and the after commit ID are the same, which is not valid.");
        }

        foreach (var commit in new[] { before, after })
        {
            if (await CodeCommitFakeGit.CommitAsync(repository.Path, commit, call.CancellationToken).ConfigureAwait(false) is null)
            {
                throw new CodeCommitFakeError("CommitDoesNotExistException", $"The commit '{commit}' does not exist in {repository.Name}.");
            }
        }

        string? beforeBlob = null;
        string? afterBlob = null;
        if (location is not null)
        {
            beforeBlob = await CodeCommitFakeGit.BlobAsync(repository.Path, before, location.FilePath, call.CancellationToken).ConfigureAwait(false);
            afterBlob = await CodeCommitFakeGit.BlobAsync(repository.Path, after, location.FilePath, call.CancellationToken).ConfigureAwait(false);
            if ((location.RelativeFileVersion == "BEFORE" ? beforeBlob : afterBlob) is null)
            {
                throw new CodeCommitFakeError("PathDoesNotExistException", $"The path '{location.FilePath}' does not exist in the commit.");
            }
        }

        // Records compare by value: a comment on the same commits and location joins the existing group.
        var group = new FakeCommentGroup(pr.Id, repository.Name, before, after, beforeBlob, afterBlob, location);
        var comment = AddComment(group, content, inReplyTo: null, token, fingerprint, call.CallerArn);
        pr.LastActivityDate = Now;
        call.Events.Add(CodeCommitFakeEvents.CommentCreated(comment, repository, call.CallerArn, Region, AccountId, Now));
        return PostCommentOutput(comment);
    }

    private Action<Utf8JsonWriter> PostCommentReply(FakeCall call)
    {
        var parent = Comment(Required(call.Input, "inReplyTo", "CommentIdRequiredException"));
        var content = Content(call.Input);
        var token = ClientRequestToken(call.Input);
        var fingerprint = $"reply\n{parent.Id}\n{content}";
        if (Repeat(token, fingerprint) is { } repeated)
        {
            return w => CodeCommitFakeJson.Comment(w, "comment", repeated);
        }

        var comment = AddComment(parent.Group, content, parent.Id, token, fingerprint, call.CallerArn);
        call.Events.Add(CodeCommitFakeEvents.CommentCreated(
            comment, _repositories[parent.Group.RepositoryName], call.CallerArn, Region, AccountId, Now));
        return w => CodeCommitFakeJson.Comment(w, "comment", comment);
    }

    private Action<Utf8JsonWriter> GetCommentsForPullRequest(JsonElement input)
    {
        var pr = PullRequest(input);
        var repositoryName = String(input, "repositoryName");
        var before = String(input, "beforeCommitId");
        var after = String(input, "afterCommitId");
        if (repositoryName is null && (before is not null || after is not null))
        {
            throw new CodeCommitFakeError("RepositoryNameRequiredException",
                "The repository name must be specified when beforeCommitId or afterCommitId is.");
        }

        if (repositoryName is not null && Repository(repositoryName).Name != pr.RepositoryName)
        {
            throw new CodeCommitFakeError("RepositoryNotAssociatedWithPullRequestException",
                $"The repository '{repositoryName}' is not associated with pull request {pr.Id}.");
        }

        var max = MaxResults(input, 500, 100);
        // Groups in the order of their first comment, each group's comments (replies included) in creation order.
        var selected = _commentsInOrder
            .Where(c => c.Group.PullRequestId == pr.Id && (before is null || c.Group.BeforeCommitId == before) &&
                (after is null || c.Group.AfterCommitId == after))
            .ToList();
        var ordered = selected.GroupBy(c => c.Group).SelectMany(g => g).ToList();
        var (page, next) = CodeCommitFakePaging.Page(ordered, "GetCommentsForPullRequest", String(input, "nextToken"), max);
        return w =>
        {
            w.WriteStartArray("commentsForPullRequestData");
            foreach (var run in Runs(page))
            {
                w.WriteStartObject();
                CodeCommitFakeJson.GroupMembers(w, run[0].Group);
                w.WriteStartArray("comments");
                foreach (var comment in run)
                {
                    CodeCommitFakeJson.Comment(w, null, comment);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("nextToken", next);
            }
        };
    }

    /// <summary>
    /// The next comment posted gets <paramref name="commentId"/> instead of a fresh id: a test can then replay a
    /// documented sample event (the user guide's comment <c>463bEXAMPLE...</c>) against a comment that exists.
    /// </summary>
    public void UseNextCommentId(string commentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(commentId);
        lock (_nextCommentIds)
        {
            _nextCommentIds.Enqueue(commentId);
        }
    }

    private string TakeCommentId()
    {
        lock (_nextCommentIds)
        {
            return _nextCommentIds.TryDequeue(out var id) ? id : Guid.NewGuid().ToString("N");
        }
    }

    private FakeComment AddComment(
        FakeCommentGroup group, string content, string? inReplyTo, string? token, string fingerprint, string caller)
    {
        var comment = new FakeComment
        {
            Id = TakeCommentId(),
            Group = group,
            Content = content,
            InReplyTo = inReplyTo,
            CreationDate = Now,
            LastModifiedDate = Now,
            AuthorArn = caller,
            ClientRequestToken = token,
            RequestFingerprint = fingerprint,
        };
        _comments[comment.Id] = comment;
        _commentsInOrder.Add(comment);
        if (token is not null)
        {
            _commentsByToken[token] = comment;
        }

        return comment;
    }

    /// <summary>The comment an earlier call with this token made, when the call is the same; else the mismatch error.</summary>
    private FakeComment? Repeat(string? token, string fingerprint)
    {
        if (token is null || !_commentsByToken.TryGetValue(token, out var earlier))
        {
            return null;
        }

        return earlier.RequestFingerprint == fingerprint
            ? earlier
            : throw new CodeCommitFakeError("IdempotencyParameterMismatchException",
                "The client request token is already used for a request with different parameters.");
    }

    private FakeComment Comment(string id) =>
        _comments.TryGetValue(id, out var comment)
            ? comment
            : throw new CodeCommitFakeError("CommentDoesNotExistException", $"No comment exists with the provided ID '{id}'.");

    private static FakeLocation? Location(JsonElement input)
    {
        if (!input.TryGetProperty("location", out var location) || location.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var path = Required(location, "filePath", "PathRequiredException");
        var position = Long(location, "filePosition");
        if (position < 0)
        {
            throw new CodeCommitFakeError("InvalidFilePositionException", "The file position is not valid.");
        }

        var version = String(location, "relativeFileVersion") ?? "AFTER";
        return version is "BEFORE" or "AFTER"
            ? new FakeLocation(path, position, version)
            : throw new CodeCommitFakeError("InvalidRelativeFileVersionEnumException", "Either BEFORE or AFTER must be specified.");
    }

    private static Action<Utf8JsonWriter> PostCommentOutput(FakeComment comment) => w =>
    {
        CodeCommitFakeJson.GroupMembers(w, comment.Group);
        CodeCommitFakeJson.Comment(w, "comment", comment);
    };

    /// <summary>Consecutive comments of one group: one <c>commentsForPullRequestData</c> item each.</summary>
    private static IEnumerable<List<FakeComment>> Runs(IReadOnlyList<FakeComment> comments)
    {
        List<FakeComment>? run = null;
        foreach (var comment in comments)
        {
            if (run is not null && run[0].Group != comment.Group)
            {
                yield return run;
                run = null;
            }

            (run ??= []).Add(comment);
        }

        if (run is not null)
        {
            yield return run;
        }
    }
}
