using System.Text.Json;

namespace LakehouseManager.Http;

/// <summary>The JSON requests of the REST clients (Nessie, Dremio, AWS): a body written once, a message per attempt.</summary>
internal static class JsonRequest
{
    /// <summary>The body as UTF-8 JSON, written once and sent by every attempt.</summary>
    public static byte[] Serialize(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writeBody(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A request that accepts JSON, with the bearer token when there is one and the body when there is one.</summary>
    public static HttpRequestMessage Create(HttpMethod method, Uri uri, byte[]? body, BearerToken? token)
    {
        var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = token.ToAuthorizationHeader();
        }

        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new("application/json");
        }

        return request;
    }
}
