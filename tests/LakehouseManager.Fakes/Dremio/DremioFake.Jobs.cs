using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// The SQL and job API (api-facts B.2, B.3; <c>SQLResource</c>, <c>JobResource</c>): submit, status, results, cancel.
/// </summary>
public sealed partial class DremioFake
{
    private const int DefaultResultsLimit = 100;
    private const int MaxResultsLimit = 500;

    private void MapJobRoutes()
    {
        Map("POST", "^sql$", SubmitSql);
        Map("GET", "^job/(?<id>[^/]+)$", GetJobStatus);
        Map("GET", "^job/(?<id>[^/]+)/results$", GetJobResults);
        Map("POST", "^job/(?<id>[^/]+)/cancel$", CancelJob);
    }

    private DremioFakeResponse SubmitSql(DremioFakeCall call)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(call.Request.Body);
        }
        catch (JsonException e)
        {
            return DremioFakeResponse.Error(HttpStatusCode.BadRequest, $"Invalid JSON body: {e.Message}");
        }

        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object ||
                !json.TryGetProperty("sql", out var sqlElement) || sqlElement.ValueKind != JsonValueKind.String)
            {
                return DremioFakeResponse.Error(HttpStatusCode.BadRequest, "The request body must hold the SQL in 'sql'.");
            }

            var references = new Dictionary<string, DremioFakeReference>(StringComparer.Ordinal);
            if (json.TryGetProperty("references", out var referencesElement) && referencesElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var source in referencesElement.EnumerateObject())
                {
                    var type = source.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                    var value = source.Value.TryGetProperty("value", out var v) ? v.GetString() : null;
                    if (type is not ("BRANCH" or "TAG" or "COMMIT") || string.IsNullOrEmpty(value))
                    {
                        return DremioFakeResponse.Error(
                            HttpStatusCode.BadRequest,
                            $"Invalid reference for source [{source.Name}]: type must be BRANCH, TAG or COMMIT and value non-empty.");
                    }

                    references[source.Name] = new DremioFakeReference(type, value);
                }
            }

            IReadOnlyList<string>? context = json.TryGetProperty("context", out var contextElement) &&
                contextElement.ValueKind == JsonValueKind.Array
                ? [.. contextElement.EnumerateArray().Select(e => e.GetString() ?? "")]
                : null;
            var requestId = json.TryGetProperty("requestId", out var requestIdElement) ? requestIdElement.GetString() : null;

            var jobId = CreateJob(sqlElement.GetString()!, context, references, requestId, call.Request.Host);
            return DremioFakeResponse.Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", jobId);
                writer.WriteEndObject();
            });
        }
    }

    private string CreateJob(
        string sql,
        IReadOnlyList<string>? context,
        IReadOnlyDictionary<string, DremioFakeReference> references,
        string? requestId,
        string host)
    {
        lock (_gate)
        {
            // Dremio Cloud's idempotency key: a retried POST with the same requestId gets the same job.
            if (requestId is not null && _jobIdByRequestId.TryGetValue(requestId, out var existing))
            {
                return existing;
            }

            var query = new DremioFakeQuery(sql, context, references);
            var outcome = Enumerable.Reverse(_scripts).Select(respond => respond(query)).FirstOrDefault(o => o is not null) ??
                DremioFakeOutcome.Fails($"DremioFake has no scripted response for the query: {sql}");
            var submission = new DremioFakeSubmission(
                Guid.NewGuid().ToString("D"), sql, context, references, requestId, host);
            var job = new DremioFakeJob(submission, outcome, Now, outcome.Latency ?? _options.JobLatency);
            _jobs.Add(job.Id, job);
            _jobsInOrder.Add(job);
            if (requestId is not null)
            {
                _jobIdByRequestId[requestId] = job.Id;
            }

            return job.Id;
        }
    }

    private DremioFakeJob? FindJob(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    private static DremioFakeResponse JobNotFound(string id) =>
        DremioFakeResponse.Error(HttpStatusCode.NotFound, $"Could not find a job with id [{id}]");

    private DremioFakeResponse GetJobStatus(DremioFakeCall call)
    {
        var id = call.Segment("id");
        if (FindJob(id) is not { } job)
        {
            return JobNotFound(id);
        }

        var now = Now;
        var state = job.StateAt(now);
        var endedAt = job.EndedAt(now);
        job.RecordReported(state);
        return DremioFakeResponse.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jobState", state);
            writer.WriteNumber("rowCount", state == "COMPLETED" ? job.Outcome.Result!.RowCount : 0);
            writer.WriteString("errorMessage", state == "FAILED" ? job.Outcome.ErrorMessage : "");
            writer.WriteString("startedAt", FormatInstant(job.CreatedAt));
            if (endedAt is { } ended)
            {
                writer.WriteString("endedAt", FormatInstant(ended));
            }

            writer.WriteString("queryType", "REST");
            writer.WriteString("queueName", "SMALL");
            writer.WriteString("queueId", "SMALL");
            writer.WriteString(
                "cancellationReason", state == "CANCELED" ? $"Query cancelled by user '{_options.UserName}'" : "");
            writer.WriteEndObject();
        });
    }

    private DremioFakeResponse GetJobResults(DremioFakeCall call)
    {
        var id = call.Segment("id");
        if (!TryReadInt(call, "offset", 0, out var offset) || !TryReadInt(call, "limit", DefaultResultsLimit, out var limit) ||
            offset < 0 || limit < 0)
        {
            return DremioFakeResponse.Error(HttpStatusCode.BadRequest, "offset and limit must be non-negative integers");
        }

        // Dremio checks the limit before it looks the job up (JobResource.getQueryResults).
        if (limit > MaxResultsLimit)
        {
            return DremioFakeResponse.Error(HttpStatusCode.BadRequest, "limit can not exceed 500 rows");
        }

        if (FindJob(id) is not { } job)
        {
            return JobNotFound(id);
        }

        var state = job.StateAt(Now);
        if (state != "COMPLETED")
        {
            return DremioFakeResponse.Error(
                HttpStatusCode.BadRequest, $"Can not fetch details for a job that is in [{state}] state.");
        }

        var result = job.Outcome.Result!;
        return DremioFakeResponse.Json(writer => WriteResultsPage(writer, result, offset, limit));
    }

    private DremioFakeResponse CancelJob(DremioFakeCall call)
    {
        var id = call.Segment("id");
        if (FindJob(id) is not { } job)
        {
            return JobNotFound(id);
        }

        return job.TryCancel(Now)
            ? DremioFakeResponse.NoContent()
            : DremioFakeResponse.Error(HttpStatusCode.BadRequest, $"Job {id} may have completed and cannot be canceled.");
    }

    private static void WriteResultsPage(Utf8JsonWriter writer, DremioFakeResult result, long offset, int limit)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rowCount", result.RowCount);
        writer.WriteStartArray("schema");
        foreach (var column in result.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteStartObject("type");
            writer.WriteString("name", column.Type);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        var end = Math.Min(result.RowCount, offset + limit);
        for (var index = offset; index < end; index++)
        {
            var row = result.RowAt(index);
            writer.WriteStartObject();
            for (var i = 0; i < result.Columns.Count; i++)
            {
                writer.WritePropertyName(result.Columns[i].Name);
                DremioFakeCells.Write(writer, row[i]);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static bool TryReadInt(DremioFakeCall call, string name, int fallback, out int value)
    {
        if (!call.Query.TryGetValue(name, out var text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // Dremio's @JsonISODateTime: ISO-8601 in UTC with milliseconds, e.g. 2022-12-13T18:34:14.069Z.
    private static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
