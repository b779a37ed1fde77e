using LakehouseManager.Aws;
using LakehouseManager.Aws.SecretsManager;
using Xunit;

namespace LakehouseManager.Tests.Aws.Moto;

/// <summary>Reading the Dremio PAT from Secrets Manager, against moto; a canary value must never show in an error.</summary>
[Collection(nameof(MotoCollection))]
public sealed class SecretsManagerClientTests(MotoServer moto)
{
    private const string Canary = "dremio_pat_CANARY_9f8e7d6c5b4a";

    [Fact(Timeout = 30_000)]
    public async Task The_pat_is_read_from_the_secrets_json()
    {
        var name = await CreateSecretAsync($"{{\"PAT\":\"{Canary}\",\"user\":\"svc\"}}");
        using var client = new SecretsManagerClient(moto.Connection());

        var token = await PatSecret.ReadAsync(client, name);

        Assert.Equal(Canary, token.ToAuthorizationHeader().Parameter);
        Assert.Equal("***", token.ToString());
    }

    [Fact(Timeout = 30_000)]
    public async Task The_value_and_version_are_read_and_the_record_never_prints_them()
    {
        var name = await CreateSecretAsync($"{{\"PAT\":\"{Canary}\"}}");
        using var client = new SecretsManagerClient(moto.Connection());

        var secret = await client.GetSecretValueAsync(new GetSecretValueRequest(name) { VersionStage = "AWSCURRENT" });

        Assert.Equal(name, secret.Name);
        Assert.Contains("AWSCURRENT", secret.VersionStages);
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:", secret.Arn, StringComparison.Ordinal);
        Assert.NotNull(secret.CreatedDate);
        Assert.DoesNotContain(Canary, secret.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_secret_is_named_with_the_region_to_check()
    {
        using var client = new SecretsManagerClient(moto.Connection());

        var error = await Assert.ThrowsAsync<LakehouseException>(() => PatSecret.ReadAsync(client, "lakehouse/no-such-secret"));

        Assert.Equal(
            "The secret 'lakehouse/no-such-secret' does not exist in Secrets Manager in us-east-1 (or has no current version): " +
            "check --pat-secret-name and --aws-region.",
            error.Message);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Canary, "is not JSON")]
    [InlineData("[\"" + Canary + "\"]", "is not a JSON object")]
    [InlineData("{\"pat\":\"" + Canary + "\"}", "has no key PAT (keys are case-sensitive)")]
    [InlineData("{\"PAT\":\"\",\"x\":\"" + Canary + "\"}", "is empty or not text")]
    [InlineData("{\"PAT\":42,\"x\":\"" + Canary + "\"}", "is empty or not text")]
    public async Task A_secret_of_the_wrong_form_is_refused_without_showing_any_of_it(string value, string problem)
    {
        var name = await CreateSecretAsync(value);
        using var client = new SecretsManagerClient(moto.Connection());

        var error = await Assert.ThrowsAsync<LakehouseException>(() => PatSecret.ReadAsync(client, name));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("store the token as the secret's text {\"PAT\": \"<token>\"} (a key/value pair PAT in the console).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary[..8], error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_binary_secret_is_refused()
    {
        var name = $"lakehouse/binary-{Guid.NewGuid():N}";
        using var raw = moto.Connection().CreateClient(AwsService.SecretsManager);
        await raw.CallAsync(new RawAwsRequest("CreateSecret", $"{{\"Name\":\"{name}\",\"SecretBinary\":\"{Convert.ToBase64String("x"u8.ToArray())}\"}}"), _ => 0);
        using var client = new SecretsManagerClient(moto.Connection());

        var error = await Assert.ThrowsAsync<LakehouseException>(() => PatSecret.ReadAsync(client, name));

        Assert.StartsWith($"The secret '{name}' holds binary data, not text", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_empty_secret_name_says_what_to_pass()
    {
        using var client = new SecretsManagerClient(moto.Connection());

        var error = await Assert.ThrowsAsync<LakehouseException>(() => PatSecret.ReadAsync(client, " "));

        Assert.StartsWith("--pat-secret-name is empty: give the name or ARN of the Secrets Manager secret", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> CreateSecretAsync(string value)
    {
        var name = $"lakehouse/pat-{Guid.NewGuid():N}";
        using var raw = moto.Connection().CreateClient(AwsService.SecretsManager);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Name"] = name, ["SecretString"] = value });
        await raw.CallAsync(new RawAwsRequest("CreateSecret", json), _ => 0);
        return name;
    }
}
