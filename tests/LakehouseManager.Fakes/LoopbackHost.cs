using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LakehouseManager.Fakes;

/// <summary>How every fake listens: Kestrel on 127.0.0.1, every request to the fake's one handler.</summary>
internal static class LoopbackHost
{
    /// <summary>
    /// Builds the server on <paramref name="port"/> (0: a free one), makes the fake from it, routes every request to
    /// the fake's handler, starts it, and returns the fake with the server's root address (ending in a slash).
    /// </summary>
    public static async Task<(T Fake, Uri BaseAddress)> StartAsync<T>(
        int port, Func<WebApplication, T> create, Func<T, RequestDelegate> handler, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = create(app);
        app.Run(handler(fake));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return (fake, new Uri(address.TrimEnd('/') + "/"));
    }
}
