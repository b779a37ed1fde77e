using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LakehouseManager.Aws;

/// <summary>
/// The error in a JSON 1.1 response (api-facts C.1; botocore <c>parsers.py</c>, Smithy's awsJson1_1 protocol). The code
/// comes from the <c>x-amzn-query-error</c> header (<c>Code;Sender</c>), the <c>X-Amzn-ErrorType</c> header, the body's
/// <c>__type</c>, or its <c>code</c>, in that order, and is shortened to the name: <c>com.amazonaws.codecommit#X</c>
/// and <c>X:http://internal...</c> both become <c>X</c>. The message is the body's <c>message</c> or <c>Message</c>.
/// Pure: no I/O.
/// </summary>
internal sealed record AwsErrorResponse(string? Code, string? Message, string? RequestId)
{
    /// <summary>Reads the error of a response whose body has already been read.</summary>
    public static AwsErrorResponse Parse(HttpResponseHeaders headers, string? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (bodyCode, message) = ParseBody(body);
        var code = HeaderCode(headers) ?? bodyCode;
        var requestId = Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id");
        return new AwsErrorResponse(code is null ? null : Shorten(code), message, requestId);
    }

    /// <summary>
    /// Whether the response says "refused, try again later" in a way its status does not show: a throttling or
    /// transient error code (JSON 1.1 sends <c>ThrottlingException</c> with HTTP 400). The response must be buffered.
    /// </summary>
    public static bool IsRefusedForNow(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        string body;
        using (var reader = new StreamReader(response.Content.ReadAsStream()))
        {
            body = reader.ReadToEnd();
        }

        var code = Parse(response.Headers, body).Code;
        return AwsErrorCodes.IsThrottling(code) || AwsErrorCodes.IsTransient(code);
    }

    private static string? HeaderCode(HttpResponseHeaders headers)
    {
        // botocore: "Code;Sender" from services that also speak the Query protocol.
        if (Header(headers, "x-amzn-query-error") is { } queryError &&
            queryError.Split(';') is [{ Length: > 0 } queryCode, _])
        {
            return queryCode;
        }

        return Header(headers, "X-Amzn-ErrorType");
    }

    private static (string? Code, string? Message) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (Text(root, "__type") ?? Text(root, "code") ?? Text(root, "Code"), Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Shorten(string code)
    {
        var name = code.Contains('#', StringComparison.Ordinal) ? code[(code.LastIndexOf('#') + 1)..] : code;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? name[..colon] : name).Trim();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>The exception for this error on <paramref name="operation"/>.</summary>
    public AwsServiceException ToException(AwsService service, string operation, HttpStatusCode status, string? rawBody)
    {
        ArgumentNullException.ThrowIfNull(service);
        var code = Code ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = $"{service.Name} {operation}";
        var httpStatus = $"HTTP {(int)status}";
        var detail = Message is null ? "" : $": {Message}";
        if (Code is null && Message is null && !string.IsNullOrWhiteSpace(rawBody))
        {
            var raw = rawBody.Trim();
            detail = $": {(raw.Length <= 300 ? raw : raw[..300] + "...")}";
        }

        var throttled = AwsErrorCodes.IsThrottling(Code) || status == HttpStatusCode.TooManyRequests;
        string message;
        if (AwsErrorCodes.CredentialAdvice(code, service, operation) is { } advice)
        {
            message = $"AWS refused {call} ({code}, {httpStatus}){detail}. Probably {advice}";
        }
        else if (throttled)
        {
            message = $"AWS kept throttling {call} ({code}, {httpStatus}) after every retry: the account's request rate " +
                "for the service is used up; run it again later.";
        }
        else if ((int)status >= 500)
        {
            message = $"{service.Name} failed on {operation} ({code}, {httpStatus}) after every retry{detail}. Run it again later.";
        }
        else
        {
            message = $"{call} failed with {code} ({httpStatus}){detail}";
        }

        var fatal = throttled || (int)status >= 500 || AwsErrorCodes.CredentialAdvice(code, service, operation) is not null;
        return new AwsServiceException(message, service.Name, operation, code, status, Message, RequestId, fatal);
    }
}
