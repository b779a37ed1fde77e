using System.Text;
using System.Text.Json;
using LakehouseManager.Fakes.Aws;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>The JSON 1.1 pipeline: target, authentication, injected failures, the operation, the answer, the events.</summary>
public sealed partial class CodeCommitFake
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await http.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var target = http.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix + ".", StringComparison.Ordinal) ? target[(TargetPrefix.Length + 1)..] : "";
        var events = new List<CodeCommitFakeEvent>();
        string? caller = null;
        int status;
        string response;
        string? errorCode = null;
        try
        {
            caller = Authenticate(context, body);
            var handler = Operation(http, operation);
            var injection = TakeInjection();
            if (injection is { AfterHandling: false })
            {
                throw new CodeCommitFakeError(injection.Value.Code, $"{injection.Value.Code} (injected by the fake)", injection.Value.Status);
            }

            using var input = ParseInput(body);
            await _gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            Action<Utf8JsonWriter> write;
            try
            {
                await RefreshPullRequestsAsync(events, context.RequestAborted).ConfigureAwait(false);
                write = await handler(new FakeCall(input.RootElement, caller, events, context.RequestAborted)).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }

            if (injection is { } lost)
            {
                throw new CodeCommitFakeError(lost.Code, $"{lost.Code} (injected by the fake after handling the call)", lost.Status);
            }

            status = 200;
            response = CodeCommitFakeJson.Object(write);
        }
        catch (CodeCommitFakeError e)
        {
            status = e.Status;
            errorCode = e.Code;
            response = CodeCommitFakeJson.Object(w =>
            {
                w.WriteString("__type", e.Code);
                w.WriteString("message", e.Message);
            });
        }

        lock (_exchanges)
        {
            _exchanges.Add(new CodeCommitFakeExchange(operation, Encoding.UTF8.GetString(body), status, response, caller, Now)
            {
                ErrorCode = errorCode,
            });
        }

        var bytes = Encoding.UTF8.GetBytes(response);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("D");
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        await context.Response.CompleteAsync().ConfigureAwait(false);
        await DeliverAsync(events, context.RequestAborted).ConfigureAwait(false);
    }

    private Func<FakeCall, Task<Action<Utf8JsonWriter>>> Operation(HttpRequest http, string operation)
    {
        if (!HttpMethods.IsPost(http.Method) || http.Path != "/")
        {
            throw new CodeCommitFakeError("UnknownOperationException", "JSON 1.1 calls are POST /.", 404);
        }

        if (!http.ContentType?.StartsWith(JsonContentType, StringComparison.OrdinalIgnoreCase) ?? true)
        {
            throw new CodeCommitFakeError("SerializationException", $"Content-Type must be {JsonContentType}.");
        }

        return _operations.TryGetValue(operation, out var handler)
            ? handler
            : throw new CodeCommitFakeError("UnknownOperationException", $"Unknown operation '{http.Headers["X-Amz-Target"]}'.");
    }

    private string Authenticate(HttpContext context, byte[] body)
    {
        var http = context.Request;
        if (_verifier is null)
        {
            var authorization = http.Headers.Authorization.ToString();
            if (authorization.Length == 0)
            {
                throw new CodeCommitFakeError("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
            }

            return SigV4Authorization.Parse(authorization) is { } parsed
                ? $"arn:aws:iam::{AccountId}:user/{parsed.AccessKeyId}"
                : throw new CodeCommitFakeError("IncompleteSignatureException", "The Authorization header is not a SigV4 signature.");
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var headers = http.Headers
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))
            .ToList();
        var (identity, code, message) = _verifier.Verify(
            http.Method,
            question < 0 ? rawTarget : rawTarget[..question],
            question < 0 ? "" : rawTarget[question..],
            headers,
            body);
        return identity?.Arn ?? throw new CodeCommitFakeError(
            code!, message!, code == "MissingAuthenticationTokenException" ? 403 : 400);
    }

    private (string Code, int Status, bool AfterHandling)? TakeInjection()
    {
        lock (_injections)
        {
            return _injections.TryDequeue(out var injection) ? injection : null;
        }
    }

    private static JsonDocument ParseInput(byte[] body)
    {
        try
        {
            var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new CodeCommitFakeError("SerializationException", "The request body is not a JSON object.");
            }

            return document;
        }
        catch (JsonException)
        {
            throw new CodeCommitFakeError("SerializationException", "The request body is not JSON.");
        }
    }

    private async Task DeliverAsync(List<CodeCommitFakeEvent> events, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.AddRange(events);
        }

        if (_options.OnEvent is { } onEvent)
        {
            foreach (var item in events)
            {
                await onEvent(item, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
