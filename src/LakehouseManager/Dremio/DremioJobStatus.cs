using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Dremio;

/// <summary>
/// <c>GET job/{id}</c> (api-facts B.3, <c>JobStatus.java</c>). <c>errorMessage</c> is non-empty only for FAILED,
/// <c>cancellationReason</c> only for CANCELED, <c>rowCount</c> meaningful only for COMPLETED.
/// </summary>
internal sealed record DremioJobStatus(
    DremioJobState State,
    string WireState,
    long? RowCount,
    string? ErrorMessage,
    string? CancellationReason,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? QueryType)
{
    /// <summary>Whether the job has finished (COMPLETED, CANCELED or FAILED).</summary>
    public bool IsTerminal => State.IsTerminal();

    /// <summary>Reads a job status payload; throws <see cref="FormatException"/> when it is not one.</summary>
    public static DremioJobStatus Parse(JsonElement json)
    {
        JsonFields.RequireObject(json, "the job status");
        var wireState = JsonFields.RequireString(json, "jobState");
        return new DremioJobStatus(
            DremioJobStates.Parse(wireState),
            wireState,
            JsonFields.GetInt64(json, "rowCount"),
            EmptyToNull(JsonFields.GetString(json, "errorMessage")),
            EmptyToNull(JsonFields.GetString(json, "cancellationReason")),
            DremioJson.GetInstant(json, "startedAt"),
            DremioJson.GetInstant(json, "endedAt"),
            JsonFields.GetString(json, "queryType"));
    }

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
