using LakehouseManager.Aws.CodeBuild.Operations;

namespace LakehouseManager.Aws.CodeBuild;

/// <summary>CodeBuild's build and project operations (api-facts C.5) over JSON 1.1. Thread-safe; dispose it when done.</summary>
internal sealed class CodeBuildClient : IDisposable
{
    private readonly AwsJsonClient _json;

    public CodeBuildClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _json = connection.CreateClient(AwsService.CodeBuild);
    }

    /// <summary>Starts a build; a request without a token gets a fresh one, reused by every retry.</summary>
    public async Task<CodeBuildBuild> StartBuildAsync(StartBuildRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await _json.CallAsync(
            request with { IdempotencyToken = request.IdempotencyToken ?? Guid.NewGuid().ToString("D") },
            StartBuildResponse.Parse,
            cancellationToken).ConfigureAwait(false)).Build;
    }

    public Task<BatchGetBuildsResponse> BatchGetBuildsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        _json.CallAsync(new BatchGetBuildsRequest(ids), BatchGetBuildsResponse.Parse, cancellationToken);

    public async Task<CodeBuildProject> CreateProjectAsync(CodeBuildProject project, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(new CreateProjectRequest(project), ProjectResponse.Parse, cancellationToken).ConfigureAwait(false)).Project;

    public async Task<CodeBuildProject> UpdateProjectAsync(CodeBuildProject project, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(new UpdateProjectRequest(project), ProjectResponse.Parse, cancellationToken).ConfigureAwait(false)).Project;

    public Task<BatchGetProjectsResponse> BatchGetProjectsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default) =>
        _json.CallAsync(new BatchGetProjectsRequest(names), BatchGetProjectsResponse.Parse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
