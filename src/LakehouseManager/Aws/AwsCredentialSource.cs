using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LakehouseManager.Aws;

/// <summary>
/// The AWS credentials that sign our calls: AWSSDK.Core's default chain (environment variables, web identity, the
/// profile in <c>AWS_PROFILE</c> or <c>default</c>, then container credentials — what CodeBuild provides through
/// <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> — or the EC2 instance profile; api-facts C.10), or fixed credentials.
/// Resolved once, on first use; the SDK refreshes temporary credentials itself. Errors name what to set, never a key.
/// </summary>
internal sealed class AwsCredentialSource
{
    private const string WhatToSet =
        "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or " +
        "AWS_PROFILE to a profile in ~/.aws/credentials or ~/.aws/config; in AWS CodeBuild the project's service role " +
        "provides them through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.";

    private readonly Func<CancellationToken, Task<AWSCredentials>> _resolve;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    private AwsCredentialSource(Func<CancellationToken, Task<AWSCredentials>> resolve)
    {
        _resolve = resolve;
    }

    /// <summary>AWSSDK.Core's default credential chain, read from the process environment.</summary>
    public static AwsCredentialSource DefaultChain() =>
        new(static cancellationToken =>
            new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(clientConfig: null, cancellationToken));

    /// <summary>These credentials (tests, or credentials a caller resolved itself).</summary>
    public static AwsCredentialSource Fixed(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new(_ => Task.FromResult(credentials));
    }

    /// <summary>
    /// The current key, secret and token. Throws <see cref="LakehouseException"/> when there are none, when they have
    /// expired, or when their source (a container endpoint) fails.
    /// </summary>
    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            var reason = e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase)
                ? "they have expired"
                : "their source did not provide them";
            throw new LakehouseException(
                $"The AWS credentials from {Describe(credentials)} cannot be used: {reason}. Refresh them, or: {WhatToSet}");
        }
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _credentials) is { } resolved)
        {
            return resolved;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credentials is not null)
            {
                return _credentials;
            }

            try
            {
                _credentials = await _resolve(cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonClientException)
            {
                // The SDK's message lists every provider it tried; ours says what to do about it. Neither holds a key.
                throw new LakehouseException($"No AWS credentials were found. {WhatToSet}");
            }

            return _credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Where the credentials came from, in the user's words (the variables or file that set them).</summary>
    internal static string Describe(AWSCredentials credentials) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        GenericContainerCredentials =>
            "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI)",
        AssumeRoleWithWebIdentityCredentials => "the web identity role (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE)",
        // The SDK's default EC2 provider is an internal type; its public relatives share the name.
        _ when credentials.GetType().Name.Contains("InstanceProfile", StringComparison.Ordinal) => "the EC2 instance profile",
        _ => "the AWS profile (AWS_PROFILE, or 'default', in ~/.aws/credentials or ~/.aws/config)",
    };
}
