using System.Text;
using LakehouseManager.Aws;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Tests.Aws;
using LakehouseManager.Tests.Aws.Moto;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Safety;

/// <summary>
/// A Dremio PAT read from Secrets Manager (<c>--pat-secret-name</c>, moto), never given by flag or variable, reaches no
/// output and no file even when Dremio's errors quote it, as a PAT given by flag or variable does not
/// (<see cref="SecretCanaryTests"/>). The Dremio client masks its own token at the source; the redactor also learns the
/// PAT once it is read (<c>SecretRedactorTests</c>).
/// </summary>
[Collection(nameof(MotoCollection))]
public sealed class SecretFromSecretsManagerCanaryTests(MotoServer moto)
{
    private const string Marker = "LHMcanary";
    private const string Pat = Marker + "SecretPat_4a+R/k=";

    [Fact(Timeout = 600_000)]
    public async Task A_pat_from_secrets_manager_quoted_by_a_dremio_error_reaches_no_output_and_no_file()
    {
        // Arrange
        await using var world = await SafetyWorld.CreateAsync();
        await using var dremio = await DremioFake.StartAsync(new DremioFakeOptions { Pat = Pat });
        dremio.OnSql(_ => true, DremioFakeOutcome.Fails($"The token {Pat} may not read shop.raw.orders"));
        var secret = $"lakehouse/pat-{Guid.NewGuid():N}";
        using (var secretsManager = moto.Connection().CreateClient(AwsService.SecretsManager))
        {
            await secretsManager.CallAsync(
                new RawAwsRequest("CreateSecret", $"{{\"Name\":\"{secret}\",\"SecretString\":\"{{\\\"PAT\\\":\\\"{Pat}\\\"}}\"}}"), _ => 0);
        }

        // Act
        var run = await SafetyWorld.RunAsync(
            [
                "RunDataTests", .. world.Common(), "--verbosity", "verbose", "--catalog", "dremio", "--repo-name", "lakehouse",
                "--tests-path", SafetyWorld.TestsPath, "--dremio-url", dremio.BaseAddress.ToString(),
                "--pat-secret-name", secret, "--aws-region", "us-east-1", "--aws-endpoint-url", moto.Endpoint.ToString(),
            ],
            new Dictionary<string, string?>
            {
                ["DREMIO_PAT"] = null,
                ["AWS_ACCESS_KEY_ID"] = "testing",
                ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
            });

        // Assert: the PAT reached Dremio (so it was read and used), the error quoting it was reported, and nothing shows it.
        var output = run.StandardOutput + run.StandardError;
        Assert.NotEmpty(dremio.Requests);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("The token *** may not read shop.raw.orders", File.ReadAllText(Path.Combine(world.Artifacts, "test-results", "data-tests.md")), StringComparison.Ordinal);
        Assert.Contains("may not read shop.raw.orders", output, StringComparison.Ordinal);
        var leaks = Directory.EnumerateFiles(world.Artifacts, "*", SearchOption.AllDirectories)
            .Select(path => (path, Encoding.Latin1.GetString(File.ReadAllBytes(path))))
            .Append(("output", output))
            .Where(t => t.Item2.Contains(Marker, StringComparison.Ordinal))
            .Select(t => t.Item1)
            .ToList();
        Assert.Empty(leaks);
    }
}
