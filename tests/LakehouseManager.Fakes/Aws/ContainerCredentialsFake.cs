using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LakehouseManager.Fakes.Aws;

/// <summary>
/// The container credentials endpoint that CodeBuild (and ECS) provide (api-facts C.7): <c>GET</c> on the URI answers
/// <c>{"RoleArn","AccessKeyId","SecretAccessKey","Token","Expiration"}</c>. CodeBuild's endpoint is
/// <c>http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>; this one is on loopback, which the SDKs accept
/// through <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>.
/// </summary>
public sealed class ContainerCredentialsFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AwsFakeIdentity _identity;
    private readonly DateTimeOffset _expiration;
    private int _requests;

    private ContainerCredentialsFake(WebApplication app, AwsFakeIdentity identity, DateTimeOffset expiration)
    {
        _app = app;
        _identity = identity;
        _expiration = expiration;
    }

    /// <summary>The full URI, e.g. <c>http://127.0.0.1:41234/v2/credentials/0c8b</c>.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>How many times the credentials were fetched.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Serves <paramref name="identity"/>'s keys and session token, valid until <paramref name="expiration"/>.</summary>
    public static async Task<ContainerCredentialsFake> StartAsync(AwsFakeIdentity identity, DateTimeOffset expiration)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var (fake, address) = await LoopbackHost.StartAsync(
            0,
            app => new ContainerCredentialsFake(app, identity, expiration),
            f => f.HandleAsync).ConfigureAwait(false);
        fake.Uri = new Uri(address, "v2/credentials/" + Guid.NewGuid().ToString("N"));
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
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != Uri.AbsolutePath)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("RoleArn", _identity.Arn);
            writer.WriteString("AccessKeyId", _identity.AccessKeyId);
            writer.WriteString("SecretAccessKey", _identity.SecretAccessKey);
            writer.WriteString("Token", _identity.SessionToken);
            writer.WriteString("Expiration", _expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }
}
