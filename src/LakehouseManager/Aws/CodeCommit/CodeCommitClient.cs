using LakehouseManager.Aws.CodeCommit.Operations;

namespace LakehouseManager.Aws.CodeCommit;

/// <summary>
/// CodeCommit's pull-request operations (api-facts C.2) over JSON 1.1. Paged operations are
/// <see cref="IAsyncEnumerable{T}"/>s that hide the tokens; posts always carry an idempotency token.
/// Thread-safe; dispose it when done.
/// </summary>
internal sealed class CodeCommitClient : IDisposable
{
    private readonly AwsJsonClient _json;

    public CodeCommitClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _json = connection.CreateClient(AwsService.CodeCommit);
    }

    public Uri Endpoint => _json.Endpoint;

    /// <summary>The region the calls are signed for.</summary>
    public string Region => _json.Region;

    public async Task<CodeCommitPullRequest> GetPullRequestAsync(string pullRequestId, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(new GetPullRequestRequest(pullRequestId), GetPullRequestResponse.Parse, cancellationToken)
            .ConfigureAwait(false)).PullRequest;

    /// <summary>One page of comment groups: <see cref="GetCommentsAsync"/> walks them all.</summary>
    public Task<GetCommentsForPullRequestResponse> GetCommentsForPullRequestAsync(
        GetCommentsForPullRequestRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, GetCommentsForPullRequestResponse.Parse, cancellationToken);

    /// <summary>Every comment group of the pull request, page after page. A group may come twice, split across pages.</summary>
    public IAsyncEnumerable<CodeCommitCommentsForPullRequest> GetCommentsAsync(
        GetCommentsForPullRequestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.EnumerateAsync(
            (token, ct) => GetCommentsForPullRequestAsync(request with { NextToken = token }, ct),
            page => page.CommentsForPullRequestData,
            page => page.NextToken,
            $"the comments of pull request {request.PullRequestId}",
            cancellationToken);
    }

    public async Task<CodeCommitComment> GetCommentAsync(string commentId, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(new GetCommentRequest(commentId), GetCommentResponse.Parse, cancellationToken)
            .ConfigureAwait(false)).Comment;

    /// <summary>Posts a comment; a request without a token gets a fresh one, reused by every retry.</summary>
    public Task<PostCommentForPullRequestResponse> PostCommentForPullRequestAsync(
        PostCommentForPullRequestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _json.CallAsync(
            request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() },
            PostCommentForPullRequestResponse.Parse,
            cancellationToken);
    }

    /// <summary>Replies to a comment; a request without a token gets a fresh one, reused by every retry.</summary>
    public Task<PostCommentReplyResponse> PostCommentReplyAsync(PostCommentReplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _json.CallAsync(
            request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() },
            PostCommentReplyResponse.Parse,
            cancellationToken);
    }

    /// <summary>One page of a pull request's history: <see cref="GetPullRequestEventsAsync"/> walks it all.</summary>
    public Task<DescribePullRequestEventsResponse> DescribePullRequestEventsAsync(
        DescribePullRequestEventsRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, DescribePullRequestEventsResponse.Parse, cancellationToken);

    /// <summary>A pull request's whole history, oldest first, page after page.</summary>
    public IAsyncEnumerable<CodeCommitPullRequestEvent> GetPullRequestEventsAsync(
        DescribePullRequestEventsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.EnumerateAsync(
            (token, ct) => DescribePullRequestEventsAsync(request with { NextToken = token }, ct),
            page => page.PullRequestEvents,
            page => page.NextToken,
            $"the events of pull request {request.PullRequestId}",
            cancellationToken);
    }

    /// <summary>One page of pull request ids: <see cref="GetPullRequestIdsAsync"/> walks them all.</summary>
    public Task<ListPullRequestsResponse> ListPullRequestsAsync(ListPullRequestsRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, ListPullRequestsResponse.Parse, cancellationToken);

    /// <summary>Every pull request id of the repository that the request's filters select, page after page.</summary>
    public IAsyncEnumerable<string> GetPullRequestIdsAsync(ListPullRequestsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListPullRequestsAsync(request with { NextToken = token }, ct),
            page => page.PullRequestIds,
            page => page.NextToken,
            $"the pull requests of repository {request.RepositoryName}",
            cancellationToken);
    }

    public async Task<CodeCommitRepositoryMetadata> GetRepositoryAsync(string repositoryName, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(new GetRepositoryRequest(repositoryName), GetRepositoryResponse.Parse, cancellationToken)
            .ConfigureAwait(false)).RepositoryMetadata;

    /// <summary>Opens a pull request; a request without a token gets a fresh one, reused by every retry.</summary>
    public async Task<CodeCommitPullRequest> CreatePullRequestAsync(CreatePullRequestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await _json.CallAsync(
            request with { ClientRequestToken = request.ClientRequestToken ?? NewToken() },
            CreatePullRequestResponse.Parse,
            cancellationToken).ConfigureAwait(false)).PullRequest;
    }

    public async Task<CodeCommitPullRequest?> MergePullRequestByFastForwardAsync(
        MergePullRequestByFastForwardRequest request, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(request, MergePullRequestResponse.Parse, cancellationToken).ConfigureAwait(false)).PullRequest;

    /// <summary>A squash or three-way merge (<see cref="MergePullRequestWithCommitRequest.ThreeWay"/>).</summary>
    public async Task<CodeCommitPullRequest?> MergePullRequestWithCommitAsync(
        MergePullRequestWithCommitRequest request, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(request, MergePullRequestResponse.Parse, cancellationToken).ConfigureAwait(false)).PullRequest;

    public async Task<CodeCommitPullRequest> UpdatePullRequestStatusAsync(
        string pullRequestId, string status, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(
            new UpdatePullRequestStatusRequest(pullRequestId, status), UpdatePullRequestStatusResponse.Parse, cancellationToken)
            .ConfigureAwait(false)).PullRequest;

    public void Dispose() => _json.Dispose();

    // The model marks clientRequestToken as an idempotency token (1 to 64 characters in practice).
    private static string NewToken() => Guid.NewGuid().ToString("D");
}
