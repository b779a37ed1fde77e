using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.PullRequests.Events;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>
/// <c>./build.sh HandlePullRequestEvent --pat-secret-name NAME</c> on a Dremio catalog, in a process of its own: each AWS
/// service at its own endpoint (<c>AWS_ENDPOINT_URL_CODECOMMIT</c> the CodeCommit fake, <c>AWS_ENDPOINT_URL_SECRETS_MANAGER</c>
/// moto), as a CodeBuild job with VPC endpoints has them.
/// </summary>
[Collection(nameof(MotoCollection))]
public sealed class PatSecretProcessTests(MotoServer moto)
{
    [Fact(Timeout = 300_000)]
    public async Task A_missing_secret_stops_the_build_naming_the_secret_and_the_region()
    {
        await using var world = await ReviewWorld.StartAsync("MyDemoRepo", "test-branch");
        await world.OpenPullRequestAsync();
        var secret = $"lakehouse/missing-{Guid.NewGuid():N}";

        var run = await ReviewBuild.RunAsync(
            world,
            [
                "HandlePullRequestEvent", "--event", SampleEvents.PathOf("pullRequestCreated"), "--catalog", "dremio-cloud",
                "--project-id", "48ca6975-39ad-47cb-9bb5-de73060380f6", "--pat-secret-name", secret,
            ],
            new Dictionary<string, string?>
            {
                ["DREMIO_PAT"] = null,
                ["AWS_ENDPOINT_URL_CODECOMMIT"] = world.Fake.BaseAddress.ToString(),
                ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = moto.Endpoint.ToString(),
            },
            endpoint: false);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(
            $"The secret '{secret}' does not exist in Secrets Manager in {world.Fake.Region} (or has no current version): check " +
            "--pat-secret-name and --aws-region.",
            run.Output,
            StringComparison.Ordinal);
        Assert.Contains("Event pullRequestCreated", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Aws.CodeCommit.CodeCommitWorld.Bot.SecretAccessKey, run.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await world.CommitsAsync("test-branch")).Count);
    }
}
