using System.Net;
using System.Text.Json;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>What a route handler answers: a status, optional headers and an optional JSON body.</summary>
public sealed record DremioFakeResponse
{
    private DremioFakeResponse(HttpStatusCode status, Action<Utf8JsonWriter>? writeBody)
    {
        Status = status;
        WriteBody = writeBody;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Writes the JSON body; null for no body.</summary>
    public Action<Utf8JsonWriter>? WriteBody { get; }

    /// <summary>The <c>Retry-After</c> header in seconds, when set.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>A JSON body (200 unless told otherwise).</summary>
    public static DremioFakeResponse Json(Action<Utf8JsonWriter> writeBody, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status, writeBody ?? throw new ArgumentNullException(nameof(writeBody)));

    /// <summary>204 without a body (what Dremio's <c>void</c> resources answer).</summary>
    public static DremioFakeResponse NoContent() => new(HttpStatusCode.NoContent, null);

    /// <summary>Dremio's error body, <c>GenericErrorMessage</c>: <c>{"errorMessage","moreInfo"}</c>.</summary>
    public static DremioFakeResponse Error(HttpStatusCode status, string errorMessage, string moreInfo = "") =>
        new(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("moreInfo", moreInfo);
            writer.WriteEndObject();
        });
}
