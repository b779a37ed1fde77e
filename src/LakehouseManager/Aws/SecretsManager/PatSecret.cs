using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.SecretsManager;

/// <summary>
/// Reads the Dremio personal access token from a Secrets Manager secret whose text is <c>{"PAT": "&lt;token&gt;"}</c>
/// (the original tool's <c>dremio_cloud_pat_aws_secrets_manager_secret_name</c>, <c>--pat-secret-name</c>). Every
/// error names the secret and what it should hold, never its value or a part of it.
/// </summary>
internal static class PatSecret
{
    /// <summary>The key of the token in the secret's JSON.</summary>
    public const string Key = "PAT";

    private const string Expected = "store the token as the secret's text {\"PAT\": \"<token>\"} (a key/value pair PAT in the console)";

    public static async Task<BearerToken> ReadAsync(SecretsManagerClient client, string? secretName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrWhiteSpace(secretName))
        {
            throw new LakehouseException($"--pat-secret-name is empty: give the name or ARN of the Secrets Manager secret; {Expected}.");
        }

        var name = secretName.Trim();
        GetSecretValueResponse secret;
        try
        {
            secret = await client.GetSecretValueAsync(new GetSecretValueRequest(name), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            throw new LakehouseException(
                $"The secret '{name}' does not exist in Secrets Manager in {client.Region} (or has no current version): " +
                "check --pat-secret-name and --aws-region.",
                innerException: e);
        }

        if (secret.SecretString is null)
        {
            throw new LakehouseException($"The secret '{name}' holds binary data, not text: {Expected}.");
        }

        // No inner exception and no parser message: either could quote the secret's first characters.
        string? token;
        try
        {
            using var document = JsonDocument.Parse(secret.SecretString);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new LakehouseException($"The secret '{name}' is not a JSON object: {Expected}.");
            }

            if (!document.RootElement.TryGetProperty(Key, out var value))
            {
                throw new LakehouseException($"The secret '{name}' has no key {Key} (keys are case-sensitive): {Expected}.");
            }

            token = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            throw new LakehouseException($"The secret '{name}' is not JSON: {Expected}.");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new LakehouseException($"The key {Key} of the secret '{name}' is empty or not text: {Expected}.");
        }

        return new BearerToken(token, $"the {Key} in the secret '{name}'");
    }
}
