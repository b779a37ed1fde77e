using System.Net;
using System.Text.Json;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>What a handler answers: a status, an optional JSON body, an optional <c>Retry-After</c>.</summary>
internal sealed record NessieFakeAnswer(HttpStatusCode Status, Action<Utf8JsonWriter>? Body)
{
    public int? RetryAfterSeconds { get; init; }

    public static NessieFakeAnswer Json(Action<Utf8JsonWriter> body) => new(HttpStatusCode.OK, body);

    public static NessieFakeAnswer Error(NessieFakeError error) => new(error.Status, error.WriteTo);

    /// <summary>A framework-generated answer with no Nessie body (the authentication layer's 401).</summary>
    public static NessieFakeAnswer Plain(HttpStatusCode status) => new(status, null);
}
