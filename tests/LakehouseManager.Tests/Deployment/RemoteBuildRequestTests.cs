using LakehouseManager.Deployment;
using Xunit;

namespace LakehouseManager.Tests.Deployment;

public sealed class RemoteBuildRequestTests
{
    private static readonly HashSet<string> s_local = new(StringComparer.OrdinalIgnoreCase) { "remote-target", "aws-region", "root" };
    private static readonly HashSet<string> s_secrets = new(StringComparer.OrdinalIgnoreCase) { "dremio-pat", "nessie-token" };

    [Fact]
    public void The_command_lines_options_become_the_builds_variables_and_the_local_ones_stay_here()
    {
        var request = RemoteBuildRequest.FromArguments(
            "RunDataTests",
            ["RunInCodeBuild", "--remote-target", "RunDataTests", "--pull-request-id", "12", "--tests", "a", "tag:b",
             "--allow-mass-delete", "--aws-region", "eu-west-1", "--pat-secret-name=lakehouse/pat", "--root", "/x"],
            s_local,
            s_secrets);

        Assert.Equal(
            ["LAKEHOUSE_TARGET=RunDataTests", "PULL_REQUEST_ID=12", "TESTS=a tag:b", "ALLOW_MASS_DELETE=true", "PAT_SECRET_NAME=lakehouse/pat"],
            request.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Theory]
    [InlineData("--dremio-pat")]
    [InlineData("--nessie-token")]
    [InlineData("--some-password")]
    public void A_secrets_value_is_never_passed_and_the_message_says_what_to_pass_instead(string option)
    {
        var error = Assert.Throws<LakehouseException>(() =>
            RemoteBuildRequest.FromArguments("Sync", ["RunInCodeBuild", option, "s3cr3t-value"], s_local, s_secrets));

        Assert.Contains($"does not pass {option}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--pat-secret-name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_remote_target_it_says_how_to_give_one()
    {
        var error = Assert.Throws<LakehouseException>(() => RemoteBuildRequest.FromArguments(null, [], s_local, s_secrets));

        Assert.Contains("--remote-target RunDataTests --pull-request-id 12", error.Message, StringComparison.Ordinal);
    }
}
