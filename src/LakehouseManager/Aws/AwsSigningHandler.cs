using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace LakehouseManager.Aws;

/// <summary>
/// Signs every request with SigV4 through AWSSDK.Core's public signer (<see cref="AWSSigV4Signer"/>, 4.1.x), with the
/// signing time from a <see cref="TimeProvider"/>. It sits inside the resilience pipeline (each attempt is a new
/// request, signed afresh with the current time), and outside the transport, which must not follow redirects: a
/// redirected hop would carry a signature for another URL.
/// </summary>
/// <remarks>
/// Signed: <c>host</c>, every request header (<c>X-Amz-Target</c>) except <c>User-Agent</c> (proxies rewrite it),
/// <c>Content-Type</c>, and what the signer adds: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> for
/// temporary credentials, and <c>X-Amz-Content-SHA256</c>, which AWSSDK.Core's signer always adds and AWS accepts.
/// </remarks>
internal sealed class AwsSigningHandler : DelegatingHandler
{
    private readonly AwsCredentialSource _credentials;
    private readonly RegionEndpoint _region;
    private readonly string _service;
    private readonly TimeProvider _timeProvider;

    public AwsSigningHandler(
        AwsCredentialSource credentials, string region, string service, TimeProvider timeProvider, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _region = RegionEndpoint.GetBySystemName(region);
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SignAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the SigV4 headers to <paramref name="request"/>.</summary>
    internal async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)),
            Content = request.Content is null
                ? []
                : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false),
        };
        foreach (var header in request.Headers.Where(h => !IsUnsigned(h.Key)))
        {
            signing.Headers[header.Key] = string.Join(",", header.Value.Select(v => v.Trim()));
        }

        // Of the content headers only Content-Type: Content-Length is computed by the transport, and signing it would
        // tie the signature to how the body is framed.
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["Content-Type"] = contentType.ToString();
        }

        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials.UseToken
                ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
                : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey),
            Region = _region,
            Service = _service,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in result.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static bool IsUnsigned(string header) =>
        header.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ||
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
}
