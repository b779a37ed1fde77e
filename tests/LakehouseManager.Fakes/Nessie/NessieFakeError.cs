using System.Net;
using System.Text.Json;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// An error answer of the fake, written as Nessie's error body (<c>NessieError</c>, api-facts A.6):
/// <c>{"status","reason","message","errorCode","errorDetails"?,"serverStackTrace":null}</c>.
/// </summary>
public sealed class NessieFakeError : Exception
{
    public NessieFakeError(HttpStatusCode status, string errorCode, string message, IReadOnlyList<NessieFakeConflict>? conflicts = null)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        Conflicts = conflicts ?? [];
    }

    public HttpStatusCode Status { get; }

    public string ErrorCode { get; }

    public IReadOnlyList<NessieFakeConflict> Conflicts { get; }

    public static NessieFakeError BadRequest(string message) => new(HttpStatusCode.BadRequest, "BAD_REQUEST", message);

    public static NessieFakeError ReferenceNotFound(string name) =>
        new(HttpStatusCode.NotFound, "REFERENCE_NOT_FOUND", $"Named reference '{name}' not found");

    public static NessieFakeError CommitNotFound(string hash) =>
        new(HttpStatusCode.NotFound, "REFERENCE_NOT_FOUND", $"Commit '{hash}' not found");

    public static NessieFakeError CommitNotInReference(string hash, string name) =>
        new(HttpStatusCode.NotFound, "REFERENCE_NOT_FOUND", $"Could not find commit '{hash}' in reference '{name}'.");

    public static NessieFakeError ReferenceAlreadyExists(string name) =>
        new(HttpStatusCode.Conflict, "REFERENCE_ALREADY_EXISTS", $"Named reference '{name}' already exists.");

    public static NessieFakeError ContentNotFound(ContentKey key, string reference) =>
        new(HttpStatusCode.NotFound, "CONTENT_NOT_FOUND",
            $"Could not find content for key '{NessieFakeConflict.Dotted(key)}' in reference '{reference}'.");

    public static NessieFakeError Conflict(IReadOnlyList<NessieFakeConflict> conflicts) =>
        new(HttpStatusCode.Conflict, "REFERENCE_CONFLICT",
            conflicts.Count == 1 ? conflicts[0].Message : "There are multiple conflicts that prevent committing the provided operations: " +
                string.Join(", ", conflicts.Select(c => c.Message)) + ".",
            conflicts);

    /// <summary>The HTTP reason phrase of a status, as Nessie's <c>reason</c> field carries it.</summary>
    public static string ReasonPhrase(HttpStatusCode status) => (int)status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => status.ToString(),
    };

    /// <summary>The error code Nessie uses for a status (ErrorCode.java), for injected failures.</summary>
    public static string ErrorCodeFor(HttpStatusCode status) => (int)status switch
    {
        400 => "BAD_REQUEST",
        403 => "FORBIDDEN",
        404 => "REFERENCE_NOT_FOUND",
        409 => "REFERENCE_CONFLICT",
        429 => "TOO_MANY_REQUESTS",
        503 => "SERVICE_UNAVAILABLE",
        _ => "UNKNOWN",
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("status", (int)Status);
        writer.WriteString("reason", ReasonPhrase(Status));
        writer.WriteString("message", Message);
        writer.WriteString("errorCode", ErrorCode);
        if (Conflicts.Count > 0)
        {
            writer.WriteStartObject("errorDetails");
            writer.WriteString("type", "REFERENCE_CONFLICTS");
            writer.WriteStartArray("conflicts");
            foreach (var conflict in Conflicts)
            {
                NessieFakeJson.WriteConflict(writer, conflict);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteNull("serverStackTrace");
        writer.WriteEndObject();
    }
}
