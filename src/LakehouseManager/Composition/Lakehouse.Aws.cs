using LakehouseManager.Aws;
using LakehouseManager.Aws.SecretsManager;

namespace LakehouseManager.Composition;

/// <summary>The AWS side of the composition root: one connection for every AWS client, and the PAT from Secrets Manager.</summary>
public sealed partial class Lakehouse
{
    private readonly SemaphoreSlim _patGate = new(1, 1);
    private AwsConnection? _aws;
    private string? _pat;

    /// <summary>
    /// Region, endpoint and credentials of every AWS call (<c>--aws-region</c>, <c>--aws-endpoint-url</c>, the
    /// environment; the default credential chain unless the settings carry credentials), made on first use.
    /// </summary>
    internal AwsConnection Aws => _aws ??= new AwsConnection(
        AwsSettings.Resolve(Settings.AwsRegion, Settings.AwsEndpointUrl, Environment.GetEnvironmentVariable),
        Settings.AwsCredentials is { } credentials ? AwsCredentialSource.Fixed(credentials) : AwsCredentialSource.DefaultChain());

    /// <summary>The region of every AWS call (<c>--aws-region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>).</summary>
    public string AwsRegion => Aws.Settings.Region;

    /// <summary>
    /// The Dremio personal access token: <c>--dremio-pat</c> when given, else the <c>PAT</c> of the Secrets Manager
    /// secret <c>--pat-secret-name</c> (read once), else null.
    /// </summary>
    public async Task<string?> GetDremioPatAsync(CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(Settings.DremioPat) || string.IsNullOrWhiteSpace(Settings.PatSecretName))
        {
            return Settings.DremioPat;
        }

        await _patGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_pat is null)
            {
                using var secrets = new SecretsManagerClient(Aws);
                _pat = (await PatSecret.ReadAsync(secrets, Settings.PatSecretName, cancellationToken).ConfigureAwait(false))
                    .ToAuthorizationHeader().Parameter;
                Redactor.Learn(_pat);
            }

            return _pat;
        }
        finally
        {
            _patGate.Release();
        }
    }
}
