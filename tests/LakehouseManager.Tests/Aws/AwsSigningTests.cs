using System.Text;
using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Fakes.Aws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LakehouseManager.Tests.Aws;

/// <summary>
/// Our signing path (<see cref="AwsSigningHandler"/> over AWSSDK.Core's <c>AWSSigV4Signer</c>) against AWS's SigV4 test
/// suite and api-facts C.9's vector 1. The SDK's signer always adds and signs <c>x-amz-content-sha256</c>, which the
/// suite's requests do not have, so its signatures cannot equal the suite's. What is comparable is compared: first the
/// independent <see cref="SigV4"/> computation reproduces the suite exactly (canonical request, string to sign,
/// signature); then the SDK's signature must equal that computation over the suite's canonical request plus the
/// <c>x-amz-content-sha256</c> line, with the suite's credential scope and signed headers.
/// </summary>
public sealed class AwsSigningTests
{
    public static TheoryData<string> SuiteCases => new(SigV4SuiteCase.Names);

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void The_independent_computation_reproduces_the_suite(string name)
    {
        var suite = SigV4SuiteCase.Load(name);

        var canonical = SigV4.CanonicalRequest(
            suite.Method,
            SigV4.CanonicalPath(suite.Path),
            SigV4.CanonicalQuery(suite.Query),
            suite.Headers,
            [.. suite.Headers.Select(h => h.Key.ToLowerInvariant()).Distinct()],
            SigV4.PayloadHash(suite.Body));
        var stringToSign = SigV4.StringToSign(SigV4.AmzDate(SigV4SuiteCase.Time), "20150830/us-east-1/service/aws4_request", canonical);
        var signature = SigV4.Signature(SigV4SuiteCase.SecretKey, "20150830", SigV4SuiteCase.Region, SigV4SuiteCase.Service, stringToSign);

        Assert.Equal(suite.CanonicalRequest, canonical);
        Assert.Equal(suite.StringToSign, stringToSign);
        Assert.Equal(SigV4Authorization.Parse(suite.Authorization)!.Signature, signature);
    }

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(SuiteCases))]
    public async Task The_sdk_signer_signs_the_suite_requests_as_the_independent_computation_does(string name)
    {
        var suite = SigV4SuiteCase.Load(name);
        using var request = ToHttpRequest(suite);

        await Signer(suite.SessionToken, SigV4SuiteCase.Region, SigV4SuiteCase.Service, SigV4SuiteCase.Time).SignAsync(request, CancellationToken.None);

        var signed = SigV4Authorization.Parse(string.Join(",", request.Headers.GetValues("Authorization")))!;
        var expected = SigV4Authorization.Parse(suite.Authorization)!;
        Assert.Equal(expected.Scope, signed.Scope);
        Assert.Equal(expected.AccessKeyId, signed.AccessKeyId);
        Assert.Equal([.. expected.SignedHeaders.Append("x-amz-content-sha256").Order(StringComparer.Ordinal)], signed.SignedHeaders);
        var canonical = suite.CanonicalRequestWithContentHash();
        if (name == "get-utf8")
        {
            // The suite's raw request has a literal UTF-8 path; on the wire it is /%E1%88%B4, and AWS's non-S3
            // services (and every SDK) encode the wire path once more for the canonical request. JSON 1.1 only ever
            // POSTs to /, where the two readings agree.
            canonical = canonical.Replace("\n/%E1%88%B4\n", "\n/%25E1%2588%25B4\n", StringComparison.Ordinal);
        }

        var stringToSign = SigV4.StringToSign("20150830T123600Z", expected.Scope, canonical);
        Assert.Equal(SigV4.Signature(SigV4SuiteCase.SecretKey, "20150830", SigV4SuiteCase.Region, SigV4SuiteCase.Service, stringToSign), signed.Signature);
        Assert.Equal("20150830T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public void The_independent_computation_reproduces_botocores_json_1_1_vector()
    {
        // api-facts C.9 vector 1, computed with botocore 1.29.27: the canonical request as botocore built it.
        var stringToSign = SigV4.StringToSign("20240102T030405Z", "20240102/us-east-1/codecommit/aws4_request", Vector1CanonicalRequest);

        Assert.Equal("2e8de9a535da156cabe96fa1665ffa594c93210e1e3d8320e6a410073654f370", stringToSign.Split('\n')[^1]);
        Assert.Equal(
            "824f37116330a5f1e011348be15b0bfed2d2a3b19560a594373ed83553e5b016",
            SigV4.Signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20240102", "us-east-1", "codecommit", stringToSign));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_json_1_1_call_is_signed_like_botocores_vector_plus_the_content_hash_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://codecommit.us-east-1.amazonaws.com/")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"pullRequestId\": \"42\"}")),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "CodeCommit_20150413.GetPullRequest");

        await Signer("SESSIONTOKENEXAMPLE", "us-east-1", "codecommit", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))
            .SignAsync(request, CancellationToken.None);

        // The same canonical request as botocore's, with the x-amz-content-sha256 line the SDK adds; so the same
        // signature computation must give the SDK's signature.
        var withContentHash = Vector1CanonicalRequest
            .Replace("host:codecommit.us-east-1.amazonaws.com\n", "host:codecommit.us-east-1.amazonaws.com\nx-amz-content-sha256:" + PayloadHash + "\n", StringComparison.Ordinal)
            .Replace("content-type;host;x-amz-date", "content-type;host;x-amz-content-sha256;x-amz-date", StringComparison.Ordinal);
        var expected = SigV4.Signature(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20240102", "us-east-1", "codecommit",
            SigV4.StringToSign("20240102T030405Z", "20240102/us-east-1/codecommit/aws4_request", withContentHash));
        var authorization = SigV4Authorization.Parse(string.Join(",", request.Headers.GetValues("Authorization")))!;
        Assert.Equal("content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target", string.Join(";", authorization.SignedHeaders));
        Assert.Equal(expected, authorization.Signature);
        Assert.Equal(PayloadHash, Assert.Single(request.Headers.GetValues("X-Amz-Content-SHA256")));
        Assert.Equal("SESSIONTOKENEXAMPLE", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Equal("20240102T030405Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_signature_takes_the_time_of_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var credentials = AwsCredentialSource.Fixed(new BasicAWSCredentials(SigV4SuiteCase.AccessKey, SigV4SuiteCase.SecretKey));
        using var handler = new AwsSigningHandler(credentials, "eu-west-1", "codecommit", clock, new HttpClientHandler());
        using var first = new HttpRequestMessage(HttpMethod.Post, "https://codecommit.eu-west-1.amazonaws.com/");
        using var second = new HttpRequestMessage(HttpMethod.Post, "https://codecommit.eu-west-1.amazonaws.com/");

        await handler.SignAsync(first, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(3));
        await handler.SignAsync(second, CancellationToken.None);

        Assert.Equal("20260304T050607Z", Assert.Single(first.Headers.GetValues("X-Amz-Date")));
        Assert.Equal("20260304T050907Z", Assert.Single(second.Headers.GetValues("X-Amz-Date")));
        Assert.Contains("/20260304/eu-west-1/codecommit/aws4_request", string.Join(",", second.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    private const string PayloadHash = "815e432b48910c9ef988950664d1274cd1507a37552985438bdc9d2f9c245379";

    private const string Vector1CanonicalRequest =
        "POST\n/\n\n" +
        "content-type:application/x-amz-json-1.1\n" +
        "host:codecommit.us-east-1.amazonaws.com\n" +
        "x-amz-date:20240102T030405Z\n" +
        "x-amz-security-token:SESSIONTOKENEXAMPLE\n" +
        "x-amz-target:CodeCommit_20150413.GetPullRequest\n\n" +
        "content-type;host;x-amz-date;x-amz-security-token;x-amz-target\n" +
        PayloadHash;

    private static AwsSigningHandler Signer(string? sessionToken, string region, string service, DateTimeOffset time)
    {
        AWSCredentials credentials = sessionToken is null
            ? new BasicAWSCredentials(SigV4SuiteCase.AccessKey, SigV4SuiteCase.SecretKey)
            : new SessionAWSCredentials(SigV4SuiteCase.AccessKey, SigV4SuiteCase.SecretKey, sessionToken);
        return new AwsSigningHandler(AwsCredentialSource.Fixed(credentials), region, service, new FakeTimeProvider(time), new HttpClientHandler());
    }

    private static HttpRequestMessage ToHttpRequest(SigV4SuiteCase suite)
    {
        var request = new HttpRequestMessage(new HttpMethod(suite.Method), new Uri($"https://{suite.Host}{suite.RawPath}"));
        string? contentType = null;
        foreach (var (name, value) in suite.Headers)
        {
            // The signer writes Host (from the URL), X-Amz-Date (from the clock) and the token (from the credentials).
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (suite.Body.Length > 0 || contentType is not null)
        {
            request.Content = new ByteArrayContent(suite.Body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return request;
    }
}
