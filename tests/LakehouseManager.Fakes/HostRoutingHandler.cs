namespace LakehouseManager.Fakes;

/// <summary>
/// Sends each request to the loopback fake that stands in for its host (e.g. <c>nessie.dremio.cloud</c> to the Nessie
/// fake, <c>api.dremio.cloud</c> to the Dremio fake), keeping the original <c>Host</c> header; a host without a route
/// is sent as it is (a fake's own loopback URL). One handler for a client that talks to several services.
/// </summary>
public sealed class HostRoutingHandler : DelegatingHandler
{
    private readonly IReadOnlyDictionary<string, Uri> _routes;

    /// <param name="routes">Host name (without port) to the fake's base address.</param>
    public HostRoutingHandler(IReadOnlyDictionary<string, Uri> routes)
        : base(new SocketsHttpHandler { UseProxy = false })
    {
        _routes = new Dictionary<string, Uri>(routes ?? throw new ArgumentNullException(nameof(routes)), StringComparer.OrdinalIgnoreCase);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (_routes.TryGetValue(original.Host, out var target))
        {
            request.Headers.Host ??= original.Authority;
            request.RequestUri = new Uri(target, original.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
