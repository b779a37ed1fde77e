namespace LakehouseManager.PullRequests;

/// <summary>
/// A host that can list a repository's open pull requests (CodeCommit's ListPullRequests): what a scheduled sync of
/// every open pull request needs. Not part of the port: the local host has no list of pull requests.
/// </summary>
internal interface IListsOpenPullRequests
{
    IAsyncEnumerable<PullRequest> ListOpenPullRequestsAsync(CancellationToken cancellationToken = default);
}
