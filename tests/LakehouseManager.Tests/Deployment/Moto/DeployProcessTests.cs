using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Support;
using Xunit;
using MotoServer = LakehouseManager.Tests.Aws.Moto.MotoServer;

namespace LakehouseManager.Tests.Deployment.Moto;

/// <summary>
/// <c>./build.sh Deploy --dry-run</c>, <c>Deploy</c> twice and <c>RunInCodeBuild</c> in processes of their own against
/// moto, as a user runs them: the dry run creates nothing, the first run creates, the second says there is nothing to
/// change, and the remote run follows the build to its success.
/// </summary>
[Collection(nameof(MotoCollection))]
public sealed class DeployProcessTests(MotoServer moto)
{
    [Fact(Timeout = 600_000)]
    public async Task Deploy_twice_changes_nothing_the_second_time_and_RunInCodeBuild_follows_the_build()
    {
        var project = $"lakehouse-{Guid.NewGuid():N}"[..30];
        string[] deploy =
        [
            "Deploy", "--codebuild-project", project, "--repo-name", "MyDemoRepo", "--role-arn", StackSamples.RoleArn,
            "--package-url", "s3://lakehouse-manager-packages-dev/pkg.zip", "--catalog", "dremio-cloud", "--project-id", "p-1",
            "--pat-secret-name", "lakehouse/dremio-pat", "--aws-region", "us-east-1", "--aws-endpoint-url", moto.Endpoint.ToString(),
        ];
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_PROFILE"] = null };

        var dryRun = await BuildProcess.RunAsync([.. deploy, "--dry-run"], environment);
        var first = await BuildProcess.RunAsync(deploy, environment);
        var second = await BuildProcess.RunAsync(deploy, environment);
        var remote = await BuildProcess.RunAsync(
            ["RunInCodeBuild", "--codebuild-project", project, "--remote-target", "RunDataTests", "--pull-request-id", "12",
             "--poll-interval", "1", "--aws-region", "us-east-1", "--aws-endpoint-url", moto.Endpoint.ToString()],
            environment);

        Assert.True(dryRun.ExitCode == 0, dryRun.StandardOutput + dryRun.StandardError);
        Assert.Contains("4 of 4 resources would be created or updated.", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Contains("4 of 4 resources were created or updated.", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StandardOutput + second.StandardError);
        Assert.Contains("Nothing to change: the project and its 3 rules are as defined.", second.StandardOutput, StringComparison.Ordinal);
        Assert.True(remote.ExitCode == 0, remote.StandardOutput + remote.StandardError);
        Assert.Contains("ended SUCCEEDED", remote.StandardOutput, StringComparison.Ordinal);
    }
}
