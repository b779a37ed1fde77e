namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// Sends every request to a loopback server whatever its URL says, keeping the original <c>Host</c> header: a client
/// configured for <c>https://api.eu.dremio.cloud/v0/...</c> then talks to the fake, which can assert the host.
/// </summary>
public sealed class LoopbackRedirectHandler : DelegatingHandler
{
    private readonly Uri _target;

    public LoopbackRedirectHandler(Uri target)
        : base(new SocketsHttpHandler { UseProxy = false })
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        request.Headers.Host ??= original.Authority;
        request.RequestUri = new Uri(_target, original.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
