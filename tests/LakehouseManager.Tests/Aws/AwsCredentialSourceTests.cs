using LakehouseManager.Aws;
using LakehouseManager.Fakes.Aws;
using LakehouseManager.Fakes.CodeCommit;
using Xunit;

namespace LakehouseManager.Tests.Aws;

/// <summary>AWSSDK.Core's default credential chain as <see cref="AwsCredentialSource"/> uses it, and its errors.</summary>
[Collection(nameof(AwsEnvironmentCollection))]
public sealed class AwsCredentialSourceTests
{
    private static readonly AwsFakeIdentity s_role = new(
        "ASIAEXAMPLECONTAINER", "container/secret/CANARY+000000000000000", "arn:aws:sts::123456789012:assumed-role/codebuild-role/build",
        "container-session-token-CANARY");

    [Fact(Timeout = 30_000)]
    public async Task Container_credentials_like_codebuilds_sign_calls_that_codecommit_accepts()
    {
        await using var endpoint = await ContainerCredentialsFake.StartAsync(s_role, DateTimeOffset.UtcNow.AddHours(1));
        await using var fake = await CodeCommitFake.StartAsync(new CodeCommitFakeOptions { Identities = [s_role] });
        await fake.CreateRepositoryAsync("mirror");
        using var scope = new AwsEnvironmentScope(("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.Uri.ToString()));
        using var client = new LakehouseManager.Aws.CodeCommit.CodeCommitClient(
            new AwsConnection(AwsSettings.For(fake.Region, fake.BaseAddress), AwsCredentialSource.DefaultChain()));

        var repository = await client.GetRepositoryAsync("mirror");
        await client.GetRepositoryAsync("mirror");

        Assert.Equal("mirror", repository.RepositoryName);
        Assert.Equal(s_role.Arn, fake.Exchanges[^1].CallerArn);
        Assert.Equal(1, endpoint.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task Environment_variables_come_first()
    {
        using var scope = new AwsEnvironmentScope(
            ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEENVIRON01"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", "env-token"));

        var credentials = await AwsCredentialSource.DefaultChain().GetAsync(CancellationToken.None);

        Assert.Equal(("AKIAEXAMPLEENVIRON01", "env-token"), (credentials.AccessKey, credentials.Token));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_named_profile_is_read_from_the_shared_credentials_file()
    {
        using var scope = new AwsEnvironmentScope(("AWS_PROFILE", "lakehouse"));
        scope.WriteCredentialsFile("[lakehouse]\naws_access_key_id = AKIAEXAMPLEPROFILE01\naws_secret_access_key = profile-secret\n");

        var credentials = await AwsCredentialSource.DefaultChain().GetAsync(CancellationToken.None);

        Assert.Equal("AKIAEXAMPLEPROFILE01", credentials.AccessKey);
        Assert.False(credentials.UseToken);
    }

    [Fact(Timeout = 30_000)]
    public async Task No_credentials_at_all_says_what_to_set()
    {
        using var scope = new AwsEnvironmentScope();

        var error = await Assert.ThrowsAsync<LakehouseException>(() => AwsCredentialSource.DefaultChain().GetAsync(CancellationToken.None));

        Assert.Equal(
            "No AWS credentials were found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for " +
            "temporary credentials), or AWS_PROFILE to a profile in ~/.aws/credentials or ~/.aws/config; in AWS CodeBuild " +
            "the project's service role provides them through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.",
            error.Message);
        Assert.True(error.IsFatal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Expired_container_credentials_are_named_as_expired_without_showing_them()
    {
        await using var endpoint = await ContainerCredentialsFake.StartAsync(s_role, DateTimeOffset.UtcNow.AddHours(-1));
        using var scope = new AwsEnvironmentScope(("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.Uri.ToString()));

        var error = await Assert.ThrowsAsync<LakehouseException>(() => AwsCredentialSource.DefaultChain().GetAsync(CancellationToken.None));

        Assert.StartsWith(
            "The AWS credentials from the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or " +
            "AWS_CONTAINER_CREDENTIALS_FULL_URI) cannot be used: they have expired. Refresh them, or: Set AWS_ACCESS_KEY_ID",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(s_role.AccessKeyId, error.ToString(), StringComparison.Ordinal);
    }
}
