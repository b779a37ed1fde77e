using System.Text;
using System.Text.Json;
using LakehouseManager.Dremio;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

public sealed class DremioPayloadTests
{
    public static TheoryData<string, DremioJobState, bool> States => new()
    {
        { "NOT_SUBMITTED", DremioJobState.NotSubmitted, false },
        { "STARTING", DremioJobState.Starting, false },
        { "RUNNING", DremioJobState.Running, false },
        { "COMPLETED", DremioJobState.Completed, true },
        { "CANCELED", DremioJobState.Canceled, true },
        { "FAILED", DremioJobState.Failed, true },
        { "CANCELLATION_REQUESTED", DremioJobState.CancellationRequested, false },
        { "PLANNING", DremioJobState.Planning, false },
        { "PENDING", DremioJobState.Pending, false },
        { "METADATA_RETRIEVAL", DremioJobState.MetadataRetrieval, false },
        { "QUEUED", DremioJobState.Queued, false },
        { "ENGINE_START", DremioJobState.EngineStart, false },
        { "EXECUTION_PLANNING", DremioJobState.ExecutionPlanning, false },
        { "INVALID_STATE", DremioJobState.InvalidState, false },
        { "SOME_FUTURE_STATE", DremioJobState.Unknown, false },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Every_job_state_is_read_and_only_completed_canceled_and_failed_are_final(
        string wireName, DremioJobState expected, bool terminal)
    {
        var status = Parse(DremioJobStatus.Parse, $$"""{"jobState":"{{wireName}}","rowCount":0,"errorMessage":""}""");

        Assert.Equal(expected, status.State);
        Assert.Equal(wireName, status.WireState);
        Assert.Equal(terminal, status.IsTerminal);
    }

    [Fact]
    public void A_job_status_carries_its_row_count_times_and_messages()
    {
        var status = Parse(DremioJobStatus.Parse, """
            {"jobState":"COMPLETED","rowCount":11,"errorMessage":"","startedAt":"2022-12-13T18:34:14.069Z",
             "endedAt":"2022-12-13T18:35:09.963Z","queryType":"REST","queueName":"LARGE","queueId":"LARGE",
             "cancellationReason":""}
            """);

        Assert.Equal(11, status.RowCount);
        Assert.Null(status.ErrorMessage);
        Assert.Null(status.CancellationReason);
        Assert.Equal(new DateTimeOffset(2022, 12, 13, 18, 34, 14, 69, TimeSpan.Zero), status.StartedAt);
        Assert.Equal(new DateTimeOffset(2022, 12, 13, 18, 35, 9, 963, TimeSpan.Zero), status.EndedAt);
        Assert.Equal("REST", status.QueryType);
    }

    [Fact]
    public void A_job_status_without_a_state_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => Parse(DremioJobStatus.Parse, """{"rowCount":1}"""));

        Assert.Contains("jobState", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_rows_follow_the_schema_order_and_a_missing_column_is_null()
    {
        var results = Parse(DremioJobResults.Parse, """
            {"rowCount":3,"schema":[{"name":"id","type":{"name":"BIGINT"}},{"name":"name","type":{"name":"VARCHAR"}}],
             "rows":[{"name":"a","id":1},{"id":2},{"id":3,"name":null}]}
            """);

        Assert.Equal(3, results.RowCount);
        Assert.Equal([new DremioColumn("id", "BIGINT"), new DremioColumn("name", "VARCHAR")], results.Schema);
        Assert.Equal<object?>([1L, "a"], results.Rows[0]);
        Assert.Equal<object?>([2L, null], results.Rows[1]);
        Assert.Equal<object?>([3L, null], results.Rows[2]);
    }

    [Fact]
    public void A_submission_pins_the_source_to_the_branch_in_references()
    {
        var request = DremioSqlRequest.AtBranch("SELECT 1", "lake", "feature/x") with
        {
            Context = ["lake", "sales"],
            RequestId = Guid.Parse("0b8a2c55-5d5e-4a4f-9a59-5b8f8d0c6e11"),
        };

        Assert.Equal(
            """{"sql":"SELECT 1","context":["lake","sales"],"references":{"lake":{"type":"BRANCH","value":"feature/x"}},"requestId":"0b8a2c55-5d5e-4a4f-9a59-5b8f8d0c6e11"}""",
            Write(request));
    }

    [Fact]
    public void A_plain_submission_has_only_the_sql()
    {
        Assert.Equal("""{"sql":"SELECT 1"}""", Write(new DremioSqlRequest("SELECT 1")));
    }

    private static T Parse<T>(Func<JsonElement, T> parse, string json)
    {
        using var document = JsonDocument.Parse(json);
        return parse(document.RootElement);
    }

    private static string Write(DremioSqlRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
