using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LakehouseManager.Fakes.IcebergRest;

/// <summary>
/// A loopback Iceberg REST catalog without branches, as Open Catalog (Apache Polaris) is: it answers the REST catalog
/// spec's <c>GET {prefix}/v1/config</c> with a ConfigResponse (<c>defaults</c>, <c>overrides</c>, <c>endpoints</c>) and
/// every other path with the spec's ErrorModel (<c>{"error":{"message","type","code"}}</c>). Only what tells a catalog
/// without branches from Nessie is served. Polaris' prefix is <c>/api/catalog</c>, Dremio's Open Catalog's
/// <c>/api/iceberg</c>.
/// </summary>
public sealed class IcebergRestFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _prefix;
    private int _requests;

    private IcebergRestFake(WebApplication app, string prefix)
    {
        _app = app;
        _prefix = prefix;
    }

    /// <summary>The fake's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The catalog's URL, what a client is configured with: the root plus the prefix.</summary>
    public Uri CatalogUri => new(BaseAddress, _prefix.TrimStart('/'));

    /// <summary>Requests received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<IcebergRestFake> StartAsync(string prefix = "/api/catalog", int port = 0, CancellationToken cancellationToken = default)
    {
        var (fake, address) = await LoopbackHost.StartAsync(
            port,
            app => new IcebergRestFake(app, "/" + prefix.Trim('/')),
            f => f.HandleAsync,
            cancellationToken).ConfigureAwait(false);
        fake.BaseAddress = address;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "";
        var isConfig = context.Request.Method == "GET" && path == $"{_prefix}/v1/config";
        context.Response.StatusCode = isConfig ? 200 : 404;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        if (isConfig)
        {
            writer.WriteStartObject("defaults");
            writer.WriteEndObject();
            writer.WriteStartObject("overrides");
            writer.WriteString("prefix", "lakehouse");
            writer.WriteEndObject();
            writer.WriteStartArray("endpoints");
            foreach (var endpoint in (string[])["GET /v1/{prefix}/namespaces", "GET /v1/{prefix}/namespaces/{namespace}/views/{view}"])
            {
                writer.WriteStringValue(endpoint);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject("error");
            writer.WriteString("message", $"Unable to find a resource at {path}");
            writer.WriteString("type", "NotFoundException");
            writer.WriteNumber("code", 404);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
