using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LakehouseManager.Fakes.Aws;

/// <summary>
/// Checks a received request's SigV4 signature the way an AWS JSON service does, with the error codes AWS answers:
/// <c>MissingAuthenticationTokenException</c>, <c>IncompleteSignatureException</c>, <c>UnrecognizedClientException</c>,
/// <c>InvalidSignatureException</c> (also for a signature more than 5 minutes old or ahead).
/// </summary>
public sealed class SigV4Verifier
{
    private static readonly TimeSpan s_maxSkew = TimeSpan.FromMinutes(5);
    private readonly Func<string, AwsFakeIdentity?> _identity;
    private readonly string _region;
    private readonly string _service;
    private readonly TimeProvider _timeProvider;

    /// <param name="identity">The identity of an access key id; null when the key is unknown.</param>
    /// <param name="region">The region the service is in.</param>
    /// <param name="service">The service's signing name.</param>
    /// <param name="timeProvider">The clock the signature's time is checked against.</param>
    public SigV4Verifier(Func<string, AwsFakeIdentity?> identity, string region, string service, TimeProvider timeProvider)
    {
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _region = region;
        _service = service;
        _timeProvider = timeProvider;
    }

    /// <summary>The caller's identity, or the error AWS would answer.</summary>
    public (AwsFakeIdentity? Identity, string? ErrorCode, string? Message) Verify(
        string method, string path, string query, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Header(string name) =>
            headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        var authorizationHeader = Header("Authorization");
        if (authorizationHeader is null)
        {
            return (null, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var authorization = SigV4Authorization.Parse(authorizationHeader);
        var amzDate = Header("X-Amz-Date");
        if (authorization is null || amzDate is null ||
            !authorization.SignedHeaders.Contains("host") || !authorization.SignedHeaders.Contains("x-amz-date"))
        {
            return (null, "IncompleteSignatureException",
                "Authorization header requires Credential, SignedHeaders and Signature, and host and x-amz-date must be signed.");
        }

        if (_identity(authorization.AccessKeyId) is not { } identity)
        {
            return (null, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (identity.SessionToken is { } token &&
            (Header("X-Amz-Security-Token") != token || !authorization.SignedHeaders.Contains("x-amz-security-token")))
        {
            return (null, "UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (authorization.Region != _region || authorization.Service != _service)
        {
            return (null, "InvalidSignatureException",
                $"Credential should be scoped to a valid region and service ('{_region}', '{_service}').");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var signedAt) ||
            !amzDate.StartsWith(authorization.Date, StringComparison.Ordinal))
        {
            return (null, "IncompleteSignatureException", "X-Amz-Date is not a valid date or does not match the credential scope.");
        }

        var now = _timeProvider.GetUtcNow();
        if ((signedAt - now).Duration() > s_maxSkew)
        {
            return (null, "InvalidSignatureException",
                $"Signature expired: {amzDate} is now earlier or later than {SigV4.AmzDate(now)} by more than 5 minutes.");
        }

        var payloadHash = SigV4.PayloadHash(body);
        if (Header("X-Amz-Content-SHA256") is { } claimed && !claimed.Equals(payloadHash, StringComparison.Ordinal))
        {
            return (null, "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var canonical = SigV4.CanonicalRequest(
            method, path, SigV4.CanonicalQuery(query), headers, authorization.SignedHeaders, payloadHash);
        var expected = SigV4.Signature(
            identity.SecretAccessKey, authorization.Date, _region, _service,
            SigV4.StringToSign(amzDate, authorization.Scope, canonical));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            return (null, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret " +
                "Access Key and signing method.");
        }

        return (identity, null, null);
    }
}
