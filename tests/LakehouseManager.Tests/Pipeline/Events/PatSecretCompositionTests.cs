using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Composition;
using LakehouseManager.Tests.Aws;
using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Support;
using Xunit;
using MotoServer = LakehouseManager.Tests.Aws.Moto.MotoServer;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>--pat-secret-name feeds the Dremio PAT from Secrets Manager (moto) when --dremio-pat is not given.</summary>
[Collection(nameof(MotoCollection))]
public sealed class PatSecretCompositionTests(MotoServer moto)
{
    private const string Canary = "dremio_pat_CANARY_5e4d3c2b1a09";

    private LakehouseSettings Settings(TempDirectory temp, string? secret, string? pat = null) => new()
    {
        Catalog = CatalogKind.DremioCloud,
        ProjectId = "48ca6975-39ad-47cb-9bb5-de73060380f6",
        RepoName = "lake",
        RepoPath = temp.Combine("checkout"),
        ArtifactsDirectory = temp.Combine("artifacts"),
        AwsRegion = "us-east-1",
        AwsEndpointUrl = moto.Endpoint.ToString(),
        AwsCredentials = new BasicAWSCredentials("testing", "testing"),
        PatSecretName = secret,
        DremioPat = pat,
    };

    [Fact(Timeout = 60_000)]
    public async Task The_pat_comes_from_the_secret_when_none_is_given_and_never_shows()
    {
        using var temp = new TempDirectory();
        var name = $"lakehouse/pat-{Guid.NewGuid():N}";
        using (var raw = moto.Connection().CreateClient(AwsService.SecretsManager))
        {
            await raw.CallAsync(new RawAwsRequest("CreateSecret", $"{{\"Name\":\"{name}\",\"SecretString\":\"{{\\\"PAT\\\":\\\"{Canary}\\\"}}\"}}"), _ => 0);
        }

        await using var lakehouse = new Lakehouse(Settings(temp, name));
        await using var given = new Lakehouse(Settings(temp, name, pat: "given-pat"));

        var pat = await lakehouse.GetDremioPatAsync();
        var engine = await lakehouse.GetQueryEngineAsync();

        Assert.Equal(Canary, pat);
        Assert.Equal("given-pat", await given.GetDremioPatAsync());
        Assert.StartsWith("Dremio Cloud", engine.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, lakehouse.Settings.ToString(), StringComparison.Ordinal);
        Assert.Equal("token ***", lakehouse.Redactor.Redact($"token {Canary}"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_secret_is_named_with_the_region_to_check()
    {
        using var temp = new TempDirectory();
        await using var lakehouse = new Lakehouse(Settings(temp, "lakehouse/no-such-secret"));

        var error = await Assert.ThrowsAsync<LakehouseException>(() => lakehouse.GetQueryEngineAsync());

        Assert.StartsWith("The secret 'lakehouse/no-such-secret' does not exist in Secrets Manager in us-east-1", error.Message, StringComparison.Ordinal);
    }
}
