namespace LakehouseManager.Aws.SecretsManager;

/// <summary>Secrets Manager's <c>GetSecretValue</c> over JSON 1.1. Thread-safe; dispose it when done.</summary>
internal sealed class SecretsManagerClient : IDisposable
{
    private readonly AwsJsonClient _json;

    public SecretsManagerClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _json = connection.CreateClient(AwsService.SecretsManager);
    }

    /// <summary>The region the secrets are read in.</summary>
    public string Region => _json.Region;

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, GetSecretValueResponse.Parse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
