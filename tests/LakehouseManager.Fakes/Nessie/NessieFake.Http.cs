using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>The request pipeline: API root, routing, recording and counting, faults, authentication, answer.</summary>
public sealed partial class NessieFake
{
    private const string StatsPath = "/_fake/stats";

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        // The raw target keeps %2F and %40 as sent: a ref path element may hold an encoded '/' that a decoded path loses.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Path.Value ?? "";
        var rawPath = rawTarget.Split('?', 2)[0];
        var apiPath = ApiPathOf(rawPath);
        var (route, match) = apiPath is null ? (null, null) : FindRoute(http.Method, apiPath);
        var endpoint = rawPath == StatsPath ? $"{http.Method} _fake/stats"
            : route is not null ? $"{route.Method} {route.Name}"
            : $"{http.Method} (unknown)";
        var request = new NessieFakeRequest(http.Method, rawTarget, apiPath, endpoint, body, _options.TimeProvider.GetUtcNow());
        if (rawPath != StatsPath)
        {
            // The stats page is the observer, not part of what is measured.
            lock (_gate)
            {
                _requests.Add(request);
                _counts[endpoint] = _counts.GetValueOrDefault(endpoint) + 1;
            }
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            var latency = Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, _options.TimeProvider, stopping.Token).ConfigureAwait(false);
            }

            var injection = rawPath == StatsPath ? null : TakeInjection(endpoint, route?.IsWrite == true);
            if (injection is { Kind: InjectionKind.Stall })
            {
                await Task.Delay(injection.Delay, _options.TimeProvider, stopping.Token).ConfigureAwait(false);
            }

            if (injection is { Kind: InjectionKind.Reset })
            {
                request.StatusCode = -1;
                context.Abort();
                return;
            }

            var answer = injection switch
            {
                { Kind: InjectionKind.Fail } => Injected(injection),
                { Kind: InjectionKind.StaleHash } => NessieFakeAnswer.Error(StaleHash(http, match!)),
                _ => Answer(http, rawPath, route, match, body),
            };
            request.StatusCode = (int)answer.Status;
            await WriteAsync(context.Response, answer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its attempt timed out) or the fake stops: there is nobody to answer.
            request.StatusCode = 499;
        }
    }

    private NessieFakeAnswer Answer(HttpRequest http, string rawPath, Route? route, Match? match, string body)
    {
        if (rawPath == StatsPath && http.Method == "GET")
        {
            var counts = RequestCounts;
            return NessieFakeAnswer.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("total", counts.Values.Sum());
                writer.WriteStartObject("requests");
                foreach (var (name, count) in counts)
                {
                    writer.WriteNumber(name, count);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        // Quarkus' authentication layer answers before Nessie: a plain 401 without Nessie's error body.
        if (_options.Token is { } token &&
            !string.Equals(http.Headers.Authorization.ToString(), $"Bearer {token}", StringComparison.Ordinal))
        {
            return NessieFakeAnswer.Plain(HttpStatusCode.Unauthorized);
        }

        if (route is null)
        {
            return NessieFakeAnswer.Error(new NessieFakeError(
                HttpStatusCode.NotFound, "UNKNOWN", $"HTTP 404 Not Found: no Nessie API v2 endpoint {http.Method} {rawPath}"));
        }

        try
        {
            var query = http.Query.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Select(v => v ?? "")],
                StringComparer.Ordinal);
            return route.Handler(new Call(match!, query, body));
        }
        catch (NessieFakeError e)
        {
            return NessieFakeAnswer.Error(e);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return NessieFakeAnswer.Error(NessieFakeError.BadRequest(e.Message));
        }
    }

    /// <summary>The conflict a write gets when the branch moved just before it (an injected stale hash).</summary>
    private NessieFakeError StaleHash(HttpRequest http, Match match)
    {
        var parts = Uri.UnescapeDataString(match.Groups["ref"].Value).Split('@', 2);
        var name = parts[0].Length > 0 ? parts[0] : http.Query["name"].ToString();
        var expected = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "(none)";
        var head = Repository.FindReference(name)?.Hash ?? NessieFakeRepository.NoAncestorHash;
        return NessieFakeError.Conflict([NessieFakeConflict.UnexpectedHash(name, expected, head)]);
    }

    private static NessieFakeAnswer Injected(Injection injection)
    {
        var error = new NessieFakeError(
            injection.Status,
            NessieFakeError.ErrorCodeFor(injection.Status),
            injection.Message ?? $"HTTP {(int)injection.Status} (injected by NessieFake)");
        return NessieFakeAnswer.Error(error) with
        {
            RetryAfterSeconds = injection.RetryAfter is { } delay ? (int)Math.Ceiling(delay.TotalSeconds) : null,
        };
    }

    /// <summary>The encoded path under <c>/api/v2/</c> or <c>/repositories/{id}/api/v2/</c>; null under neither.</summary>
    private string? ApiPathOf(string rawPath)
    {
        const string SelfManaged = "/api/v2/";
        var arctic = $"/repositories/{RepositoryId}/api/v2/";
        if (rawPath.StartsWith(SelfManaged, StringComparison.Ordinal))
        {
            return rawPath[SelfManaged.Length..];
        }

        return rawPath.StartsWith(arctic, StringComparison.OrdinalIgnoreCase) ? rawPath[arctic.Length..] : null;
    }

    private static async Task WriteAsync(HttpResponse http, NessieFakeAnswer answer, CancellationToken cancellationToken)
    {
        http.StatusCode = (int)answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            http.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            http.Headers.WWWAuthenticate = "Bearer";
        }

        if (answer.Body is null)
        {
            return;
        }

        http.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            answer.Body(writer);
        }

        http.ContentLength = buffer.Length;
        await http.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}
