using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Aws.CodeCommit.Operations;
using LakehouseManager.Fakes.Aws;
using LakehouseManager.Fakes.CodeCommit;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Tests.Aws.CodeCommit;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LakehouseManager.Tests.Aws;

/// <summary>The JSON 1.1 protocol, signing, retries and errors of <see cref="AwsJsonClient"/>, over real HTTP to the fake.</summary>
public sealed class AwsJsonClientTests : IAsyncLifetime
{
    private const string CanarySecret = "canary/SECRET/never-shown+0123456789abcdef";
    private static readonly AwsFakeIdentity s_session = new(
        "ASIAEXAMPLESESSION01", "session/secret/EXAMPLEKEY+00000000000", "arn:aws:sts::123456789012:assumed-role/codebuild/1", "canary-session-token");

    private CodeCommitFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await CodeCommitFake.StartAsync(new CodeCommitFakeOptions { Identities = [CodeCommitWorld.Bot, s_session] });
        await _fake.CreateRepositoryAsync("mirror");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_call_is_a_signed_post_to_the_root_with_the_target_and_the_models_member_names()
    {
        using var recorder = new RecordingHandler();
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { Handler = recorder });

        await client.GetRepositoryAsync("mirror");

        var request = Assert.Single(recorder.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(new Uri(_fake.BaseAddress, "/"), request.Uri);
        Assert.Equal("CodeCommit_20150413.GetRepository", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Equal("{\"repositoryName\":\"mirror\"}", request.Body);
        var authorization = SigV4Authorization.Parse(request.Headers["Authorization"])!;
        Assert.Equal(CodeCommitWorld.Bot.AccessKeyId, authorization.AccessKeyId);
        Assert.Equal(("us-east-1", "codecommit"), (authorization.Region, authorization.Service));
        Assert.Contains("x-amz-target", authorization.SignedHeaders);
        Assert.Equal(200, Assert.Single(_fake.Exchanges).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_an_endpoint_override_calls_go_to_the_regional_endpoint()
    {
        using var redirect = new LoopbackRedirectHandler(_fake.BaseAddress);
        var connection = new AwsConnection(AwsSettings.For("us-east-1"), Credentials(CodeCommitWorld.Bot)) { Handler = redirect };
        using var client = new CodeCommitClient(connection);

        var repository = await client.GetRepositoryAsync("mirror");

        // The fake checked a signature made for codecommit.us-east-1.amazonaws.com, the Host it received.
        Assert.Equal(new Uri("https://codecommit.us-east-1.amazonaws.com/"), client.Endpoint);
        Assert.Equal("mirror", repository.RepositoryName);
    }

    [Fact(Timeout = 30_000)]
    public async Task Temporary_credentials_send_their_session_token()
    {
        using var client = new CodeCommitClient(Connection(s_session));

        var repository = await client.GetRepositoryAsync("mirror");

        Assert.Equal("mirror", repository.RepositoryName);
        Assert.Equal(s_session.Arn, _fake.Exchanges[^1].CallerArn);
    }

    [Fact(Timeout = 30_000)]
    public async Task Throttling_sent_as_http_400_is_retried_until_codecommit_answers()
    {
        var clock = new WaitingClock();
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { Resilience = AwsTestKit.Pipeline(clock) });
        _fake.FailNextCalls(2, "ThrottlingException", 400);

        var repository = await clock.ResultOfAsync(client.GetRepositoryAsync("mirror"));

        Assert.Equal("mirror", repository.RepositoryName);
        Assert.Equal([400, 400, 200], _fake.Exchanges.Select(e => e.StatusCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_throttled_merge_is_retried_because_a_throttled_call_did_nothing()
    {
        var clock = new WaitingClock();
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { Resilience = AwsTestKit.Pipeline(clock) });
        _fake.FailNextCalls(1, "TooManyRequestsException", 400);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clock.ResultOfAsync(client.MergePullRequestByFastForwardAsync(
            new MergePullRequestByFastForwardRequest("1", "mirror"))));

        // The retry reached the fake (which has no pull request 1): the throttled attempt was not the last word.
        Assert.Equal("PullRequestDoesNotExistException", error.ErrorCode);
        Assert.Equal([400, 400], _fake.Exchanges.Select(e => e.StatusCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_service_error_of_a_read_is_retried()
    {
        var clock = new WaitingClock();
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { Resilience = AwsTestKit.Pipeline(clock) });
        _fake.FailNextCalls(1, "ServiceUnavailableException", 503);

        await clock.ResultOfAsync(client.GetRepositoryAsync("mirror"));

        Assert.Equal([503, 200], _fake.Exchanges.Select(e => e.StatusCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task Endless_throttling_ends_in_a_fatal_error_that_says_to_run_again_later()
    {
        var clock = new WaitingClock();
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { Resilience = AwsTestKit.Pipeline(clock, maxRetryAttempts: 2) });
        _fake.FailNextCalls(10, "ThrottlingException", 400);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clock.ResultOfAsync(client.GetRepositoryAsync("mirror")));

        Assert.Equal(3, _fake.Exchanges.Count);
        Assert.True(error.IsFatal);
        Assert.Equal(
            "AWS kept throttling CodeCommit GetRepository (ThrottlingException, HTTP 400) after every retry: the account's " +
            "request rate for the service is used up; run it again later.",
            error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_access_key_is_refused_with_what_to_check()
    {
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Reviewer) with { Resilience = AwsTestKit.OneQuickRetry });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRepositoryAsync("mirror"));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.True(error.IsFatal);
        Assert.Contains("AWS does not recognise the access key: check AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_secret_key_is_refused_and_appears_in_no_message()
    {
        var wrong = new AwsConnection(
            AwsSettings.For(_fake.Region, _fake.BaseAddress),
            AwsCredentialSource.Fixed(new SessionAWSCredentials(CodeCommitWorld.Bot.AccessKeyId, CanarySecret, "canary-token-value")))
        {
            Resilience = AwsTestKit.OneQuickRetry,
        };
        using var client = new CodeCommitClient(wrong);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRepositoryAsync("mirror"));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Contains("check AWS_SECRET_ACCESS_KEY or the profile", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString());
        AssertNoSecret(client.ToString()!);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_clock_more_than_five_minutes_off_is_refused_with_the_clock_named()
    {
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        using var client = new CodeCommitClient(Connection(CodeCommitWorld.Bot) with { TimeProvider = skewed, Resilience = AwsTestKit.OneQuickRetry });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRepositoryAsync("mirror"));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Contains("Signature expired", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains("this machine's clock is more than 5 minutes off", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unreachable_endpoint_is_named_in_the_error()
    {
        var nowhere = new AwsConnection(AwsSettings.For("us-east-1", new Uri("http://127.0.0.1:9/")), Credentials(CodeCommitWorld.Bot))
        {
            Resilience = AwsTestKit.OneQuickRetry,
        };
        using var client = new CodeCommitClient(nowhere);

        var error = await Assert.ThrowsAsync<AwsException>(() => client.GetPullRequestAsync("1"));

        Assert.StartsWith("Could not reach CodeCommit at http://127.0.0.1:9 for GetPullRequest: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("GetPullRequest", error.Operation);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_answer_of_the_wrong_shape_is_an_unexpected_answer_naming_the_member()
    {
        using var client = new AwsJsonClient(AwsService.CodeCommit, AwsSettings.For(_fake.Region, _fake.BaseAddress), Credentials(CodeCommitWorld.Bot));

        // GetRepository answers {"repositoryMetadata":{...}}; read as GetPullRequest's output, "pullRequest" is missing.
        var error = await Assert.ThrowsAsync<AwsException>(
            () => client.CallAsync(new GetRepositoryRequest("mirror"), GetPullRequestResponse.Parse));

        Assert.Equal("CodeCommit sent an unexpected answer to GetRepository: 'pullRequest' is missing.", error.Message);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(CanarySecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-token-value", text, StringComparison.Ordinal);
    }

    private static AwsCredentialSource Credentials(AwsFakeIdentity identity) =>
        AwsCredentialSource.Fixed(identity.SessionToken is null
            ? new BasicAWSCredentials(identity.AccessKeyId, identity.SecretAccessKey)
            : new SessionAWSCredentials(identity.AccessKeyId, identity.SecretAccessKey, identity.SessionToken));

    private AwsConnection Connection(AwsFakeIdentity identity) =>
        new(AwsSettings.For(_fake.Region, _fake.BaseAddress), Credentials(identity));
}
