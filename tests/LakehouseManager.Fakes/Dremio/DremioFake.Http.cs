using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>The request pipeline: record, injected failures, authentication, routing, writing the answer.</summary>
public sealed partial class DremioFake
{
    private const string SoftwareRoot = "/api/v3/";

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var request = new DremioFakeRequest(
            http.Method,
            http.Path.Value ?? "",
            http.QueryString.Value ?? "",
            http.Host.Value ?? "",
            body,
            authorized: string.Equals(http.Headers.Authorization.ToString(), $"Bearer {Pat}", StringComparison.Ordinal),
            Now);
        request.ApiPath = ApiPathOf(request.Path);
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (RequestLatency is { } latency && latency > TimeSpan.Zero)
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, _app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(latency, _options.TimeProvider, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                request.StatusCode = 499;
                return;
            }
        }

        var injection = TakeInjection();
        if (injection is { Kind: InjectionKind.Stall })
        {
            // Stopping the fake ends a stall too, so that disposing it never waits for a clock nobody advances.
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, _app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(injection.Delay, _options.TimeProvider, stall.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its attempt timed out) or the fake stops: there is nobody to answer.
                request.StatusCode = 499;
                return;
            }
        }

        var response = injection is { Kind: InjectionKind.FailBefore } ? Injected(injection) : Dispatch(request, http.Query);
        if (injection is { Kind: InjectionKind.FailAfter })
        {
            response = Injected(injection);
        }

        request.StatusCode = (int)response.Status;
        await WriteAsync(context.Response, response, context.RequestAborted).ConfigureAwait(false);
    }

    private Injection? TakeInjection()
    {
        lock (_gate)
        {
            return _injections.TryDequeue(out var injection) ? injection : null;
        }
    }

    private static DremioFakeResponse Injected(Injection injection)
    {
        var seconds = injection.RetryAfter is { } delay ? (int?)Math.Ceiling(delay.TotalSeconds) : null;
        var response = DremioFakeResponse.Error(
            injection.Status, $"HTTP {(int)injection.Status} (injected)", "injected by DremioFake");
        return response with { RetryAfterSeconds = seconds };
    }

    private DremioFakeResponse Dispatch(DremioFakeRequest request, IQueryCollection query)
    {
        if (request.ApiPath is null)
        {
            return DremioFakeResponse.Error(HttpStatusCode.NotFound, "HTTP 404 Not Found");
        }

        if (!request.Authorized)
        {
            return DremioFakeResponse.Error(HttpStatusCode.Unauthorized, "Unauthorized");
        }

        Route[] routes;
        lock (_gate)
        {
            routes = [.. _routes];
        }

        var pathMatched = false;
        foreach (var route in routes)
        {
            var match = route.Pattern.Match(request.ApiPath);
            if (!match.Success)
            {
                continue;
            }

            pathMatched = true;
            if (!string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parameters = query.ToDictionary(p => p.Key, p => p.Value.LastOrDefault() ?? "", StringComparer.Ordinal);
            try
            {
                return route.Handler(new DremioFakeCall(this, request, match, parameters));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return DremioFakeResponse.Error(HttpStatusCode.InternalServerError, e.Message);
            }
        }

        return pathMatched
            ? DremioFakeResponse.Error(HttpStatusCode.MethodNotAllowed, "HTTP 405 Method Not Allowed")
            : DremioFakeResponse.Error(HttpStatusCode.NotFound, "HTTP 404 Not Found");
    }

    /// <summary>The path under <c>/v0/projects/{ProjectId}/</c> or <c>/api/v3/</c>; null under neither.</summary>
    private string? ApiPathOf(string path)
    {
        var cloudRoot = $"/v0/projects/{ProjectId}/";
        if (path.StartsWith(cloudRoot, StringComparison.Ordinal))
        {
            return path[cloudRoot.Length..];
        }

        return path.StartsWith(SoftwareRoot, StringComparison.Ordinal) ? path[SoftwareRoot.Length..] : null;
    }

    private static async Task WriteAsync(HttpResponse http, DremioFakeResponse response, CancellationToken cancellationToken)
    {
        http.StatusCode = (int)response.Status;
        if (response.RetryAfterSeconds is { } seconds)
        {
            http.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (response.WriteBody is null)
        {
            return;
        }

        http.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            response.WriteBody(writer);
        }

        http.ContentLength = buffer.Length;
        await http.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}
